/**
 * Per-juror figures for the chair (advisory):
 * - severity: the mean, over the entries a juror shares with at least one other counted juror, of
 *   (the juror's total − the mean of the other jurors' totals); negative means harsher than the panel;
 * - spread: the standard deviation of the juror's own totals (how much of the scale they use);
 * - outlier marks: a mark further from the median of the other jurors' marks (same entry, same
 *   criterion; at least two others) than threshold × the criterion's range (max − min, or the range
 *   of the marks given when the criterion has no bounds).
 */
import type { Prepared } from '../prepare';
import { abs, addLazy, compare, div, mul, mulLazy, rational, reduce, sub, ZERO, type Rational } from '../rational';
import type { EntryScore } from '../types';

export interface JurorFigures {
  juror: string;
  entries: number;
  shared: number;
  severity: Rational | null;
  /** Variance of the juror's totals; its square root is the spread (printed by the report). */
  variance: Rational | null;
  outliers: number;
}

export interface OutlierMark {
  entry: string;
  juror: string;
  criterion: string;
  value: Rational;
  othersMedian: Rational;
  deviation: Rational;
}

export function jurorFigures(jurors: readonly string[], entries: readonly EntryScore[], outliers: readonly OutlierMark[]): JurorFigures[] {
  return jurors.map((juror) => {
    // Juror totals of one stage share a denominator, so sums stay lazy (no gcd per entry).
    let ownSum = ZERO;
    let ownSquares = ZERO;
    let count = 0;
    let offsetSum = ZERO;
    let shared = 0;
    for (const entry of entries) {
      const total = entry.jurorTotals.get(juror);
      if (!total) continue;
      ownSum = addLazy(ownSum, total);
      ownSquares = addLazy(ownSquares, mulLazy(total, total));
      count++;
      let others = ZERO;
      let k = 0;
      for (const [id, t] of entry.jurorTotals) if (id !== juror) [others, k] = [addLazy(others, t), k + 1];
      if (!k) continue;
      // total − others / k = (k·total − others) / k
      offsetSum = addLazy(offsetSum, { num: BigInt(k) * total.num * others.den - others.num * total.den, den: BigInt(k) * total.den * others.den });
      shared++;
    }
    const n = rational(count || 1);
    const mean = div(reduce(ownSum), n);
    return {
      juror,
      entries: count,
      shared,
      severity: shared ? div(reduce(offsetSum), rational(shared)) : null,
      // E[x²] − E[x]²
      variance: count ? sub(div(reduce(ownSquares), n), mul(mean, mean)) : null,
      outliers: outliers.filter((o) => o.juror === juror).length,
    };
  });
}

export function outlierMarks(prep: Prepared, entries: readonly EntryScore[], threshold: Rational): OutlierMark[] {
  const found: OutlierMark[] = [];
  const jurorIndex = new Map(prep.jurors.map((id, j) => [id, j]));
  const den2 = 2n * prep.markDen;
  prep.criteria.forEach((criterion, c) => {
    let low: bigint | null = null;
    let high: bigint | null = null;
    entries.forEach((entry, e) =>
      entry.counted.forEach((id) => {
        const mark = prep.cells[e][jurorIndex.get(id)!]![c]!;
        if (low === null || mark < low) low = mark;
        if (high === null || mark > high) high = mark;
      }),
    );
    if (low === null || high === null) return;
    const range = criterion.min && criterion.max ? sub(criterion.max, criterion.min) : rational(high - low, prep.markDen);
    if (range.num <= 0n) return;
    const limit = mul(threshold, range);
    entries.forEach((entry, e) => {
      if (entry.counted.length < 3) return;
      const marks = entry.counted.map((id) => prep.cells[e][jurorIndex.get(id)!]![c]!);
      const sorted = [...marks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      marks.forEach((mark, i) => {
        // Median of the others, doubled so it stays an integer over markDen.
        const others = [...sorted];
        others.splice(others.indexOf(mark), 1);
        const mid = others.length >> 1;
        const median2 = others.length % 2 ? 2n * others[mid] : others[mid - 1] + others[mid];
        const deviation2 = 2n * mark - median2;
        const magnitude = deviation2 < 0n ? -deviation2 : deviation2;
        // |deviation2| / den2 > limit
        if (magnitude * limit.den <= limit.num * den2) return;
        found.push({
          entry: entry.entry,
          juror: entry.counted[i],
          criterion: criterion.id,
          value: rational(mark, prep.markDen),
          othersMedian: rational(median2, den2),
          deviation: rational(deviation2, den2),
        });
      });
    });
  });
  return found.sort((a, b) => compare(abs(b.deviation), abs(a.deviation)));
}
