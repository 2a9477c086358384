/**
 * Aggregates across jurors, on integers that share one denominator (so the hot loop needs no gcd):
 * mean, sum or median of the marks kept after trimming k at each end. Trimming drops exactly one
 * copy of the highest and one of the lowest value per k, even when values tie (as diving, gymnastics
 * and skating panels do); among equal values the copy dropped is decided by juror id, so the result
 * never depends on the order jurors or marks were listed in.
 */
import type { Rational } from './rational';

export interface JurorValue {
  juror: string;
  /** Numerator over the caller's common denominator. */
  value: bigint;
}

const byValueThenJuror = (a: JurorValue, b: JurorValue): number =>
  a.value < b.value ? -1 : a.value > b.value ? 1 : a.juror < b.juror ? -1 : a.juror > b.juror ? 1 : 0;

export interface Trimmed {
  /** Kept values, sorted ascending. */
  kept: JurorValue[];
  dropped: JurorValue[];
}

/** Drops `k` values at each end; needs more than 2k values. */
export function trim(values: readonly JurorValue[], k: number): Trimmed {
  if (values.length <= 2 * k) throw new RangeError(`trimming ${k} at each end needs more than ${2 * k} values`);
  const sorted = [...values].sort(byValueThenJuror);
  if (k === 0) return { kept: sorted, dropped: [] };
  return { kept: sorted.slice(k, sorted.length - k), dropped: [...sorted.slice(0, k), ...sorted.slice(sorted.length - k)] };
}

/** mean, sum or median of sorted values over `den`, as an (unreduced) exact rational. */
export function aggregateSorted(kind: 'mean' | 'sum' | 'median', sorted: readonly JurorValue[], den: bigint): Rational {
  const n = sorted.length;
  if (n === 0) throw new RangeError('no values to aggregate');
  if (kind === 'median') {
    const mid = n >> 1;
    return n % 2 ? { num: sorted[mid].value, den } : { num: sorted[mid - 1].value + sorted[mid].value, den: 2n * den };
  }
  let total = 0n;
  for (const v of sorted) total += v.value;
  return kind === 'sum' ? { num: total, den } : { num: total, den: den * BigInt(n) };
}

/** The median of plain values over `den` (tie-break rule `median`, quality figures). */
export function medianOf(values: readonly bigint[], den: bigint): Rational {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return aggregateSorted('median', sorted.map((value) => ({ juror: '', value })), den);
}
