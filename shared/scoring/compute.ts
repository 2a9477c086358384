/**
 * One stage's scores: juror totals, optional z-scores, aggregation at the configured level with its
 * rounding points, the minimum number of jurors, then ranking within each category. Exact throughout:
 * marks and weights are integers over common denominators until a value is stored as a rational.
 */
import { aggregateSorted, medianOf, trim, type JurorValue } from './aggregate';
import { zScores, type Normalized } from './normalize';
import { prepare, type Prepared } from './prepare';
import { rankCategory, type TieContext } from './rank';
import { addLazy, compare, mulLazy, roundTo, roundToScaled, ZERO, type Rational } from './rational';
import { scoreSkating } from './skating-stage';
import type { CriterionScore, EntryScore, Method, StageInput, StageScore } from './types';

export interface EvaluateOptions {
  /** Leave this juror out, as if absent (leave-one-juror-out robustness). */
  without?: string;
  /** Build the full explanation (per-juror weighted values, normalised values). Default true. */
  explain?: boolean;
}

/** Scores a stage with its own method. */
export const scoreStage = (input: StageInput, options: EvaluateOptions = {}): StageScore => evaluate(prepare(input), input.method, options);

interface Row {
  counted: number[];
  /** Juror totals (numerators over jurorDen), parallel to `counted`. */
  totals: bigint[];
  weighted?: bigint[][];
  /** Juror totals before the `juror` rounding point (numerators over weightedDen), when it rounds. */
  unrounded?: bigint[];
}

export function evaluate(prep: Prepared, method: Method, options: EvaluateOptions = {}): StageScore {
  const warnings = [...prep.warnings];
  if (method.aggregate === 'skating') return scoreSkating(prep, method, options, warnings);
  const explain = options.explain ?? true;
  const { criteria, jurors, weights, cells } = prep;
  const atTotal = method.level === 'total';
  const rounding = method.rounding;
  const D = prep.markDen * prep.weightDen;
  const rw = atTotal ? rounding.weighted : null;
  const rj = atTotal ? rounding.juror : null;
  const weightedDen = rw === null ? D : 10n ** BigInt(rw);
  const jurorDen = rj === null ? weightedDen : 10n ** BigInt(rj);
  const minCount = Math.max(method.minJurors, 2 * method.trim + 1, 1);

  const rows: Row[] = prep.entries.map((_, e) => {
    const counted: number[] = [];
    for (let j = 0; j < jurors.length; j++) if (prep.status[e][j] === 'counted' && jurors[j] !== options.without) counted.push(j);
    const keepWeighted = explain && rw !== null;
    const weighted: bigint[][] = [];
    const unrounded: bigint[] = [];
    const totals = counted.map((j) => {
      const sheet = cells[e][j]!;
      let total = 0n;
      const values: bigint[] = [];
      for (let c = 0; c < criteria.length; c++) {
        let value = weights[c] * sheet[c]!;
        if (rw !== null) value = roundToScaled({ num: value, den: D }, rw);
        if (keepWeighted) values.push(value);
        total += value;
      }
      if (keepWeighted) weighted.push(values);
      if (rj === null) return total;
      unrounded.push(total);
      return roundToScaled({ num: total, den: weightedDen }, rj);
    });
    return { counted, totals, ...(keepWeighted ? { weighted } : {}), ...(explain && rj !== null ? { unrounded } : {}) };
  });

  // Z-scores: of the juror totals (level total), or of each criterion's marks (level criterion).
  const seriesOf = (value: (e: number, i: number) => bigint) =>
    jurors.map((juror, j) => ({
      juror,
      points: rows.flatMap((row, e) => {
        const i = row.counted.indexOf(j);
        return i >= 0 && row.counted.length >= minCount ? [{ key: e, value: value(e, i) }] : [];
      }),
    }));
  let zTotal: Normalized | null = null;
  let zCriteria: Normalized[] | null = null;
  if (method.normalize === 'z-score') {
    if (atTotal) zTotal = zScores(seriesOf((e, i) => rows[e].totals[i]), jurorDen, warnings);
    else
      zCriteria = criteria.map((c, ci) =>
        zScores(seriesOf((e, i) => cells[e][rows[e].counted[i]]![ci]!), prep.markDen, warnings, ` (${c.id})`),
      );
  }

  const aggregateKind = method.aggregate as 'mean' | 'sum' | 'median';
  const entries: EntryScore[] = prep.entries.map((entry, e) => {
    const row = rows[e];
    const ids = row.counted.map((j) => jurors[j]);
    const score: EntryScore = {
      entry: entry.id,
      category: entry.category,
      status: 'ranked',
      counted: ids,
      excluded: jurors.flatMap((juror, j) => {
        const status = juror === options.without ? 'absent' : prep.status[e][j];
        return status === 'counted' ? [] : [{ juror, reason: status }];
      }),
      jurorTotals: new Map(ids.map((id, i) => [id, { num: row.totals[i], den: jurorDen }])),
      totalExact: null,
      total: null,
      rank: null,
      tie: false,
      tieBreak: [],
    };
    if (row.unrounded) score.jurorTotalsExact = new Map(ids.map((id, i) => [id, { num: row.unrounded![i], den: weightedDen }]));
    if (row.weighted) score.jurorWeighted = new Map(ids.map((id, i) => [id, row.weighted![i].map((num) => ({ num, den: weightedDen }))]));
    if (ids.length < minCount) {
      score.status = 'incomplete';
      score.reason = `${ids.length} counted juror${ids.length === 1 ? '' : 's'}; the method needs at least ${minCount}`;
      return score;
    }
    if (atTotal) {
      const values: JurorValue[] = ids.map((juror, i) => ({ juror, value: zTotal ? zTotal.values.get(juror)!.get(e)! : row.totals[i] }));
      const { kept, dropped } = trim(values, method.trim);
      score.aggregate = { kept: kept.map((v) => v.juror), dropped: dropped.map((v) => v.juror) };
      score.totalExact = aggregateSorted(aggregateKind, kept, zTotal ? zTotal.den : jurorDen);
      if (explain && zTotal) score.normalized = new Map(values.map((v) => [v.juror, { num: v.value, den: zTotal!.den }]));
    } else {
      score.criteria = criteria.map((criterion, c): CriterionScore => {
        const z = zCriteria?.[c];
        const values: JurorValue[] = ids.map((juror, i) => ({ juror, value: z ? z.values.get(juror)!.get(e)! : cells[e][row.counted[i]]![c]! }));
        const { kept, dropped } = trim(values, method.trim);
        const aggregateExact = aggregateSorted(aggregateKind, kept, z ? z.den : prep.markDen);
        const aggregate = rounding.aggregate === null ? aggregateExact : roundTo(aggregateExact, rounding.aggregate);
        const weightedExact = mulLazy(criterion.weight, aggregate);
        const weighted = rounding.weighted === null ? weightedExact : roundTo(weightedExact, rounding.weighted);
        return { id: criterion.id, aggregateExact, aggregate, weightedExact, weighted, kept: kept.map((v) => v.juror), dropped: dropped.map((v) => v.juror) };
      });
      score.totalExact = score.criteria.reduce((acc, c) => addLazy(acc, c.weighted), ZERO);
      if (explain && zCriteria)
        score.normalized = new Map(ids.map((juror) => [juror, zCriteria!.map((z) => ({ num: z.values.get(juror)!.get(e)!, den: z.den }))]));
    }
    score.total = roundTo(score.totalExact, rounding.total);
    return score;
  });

  if (aggregateKind === 'sum') {
    const counts = new Set(entries.filter((e) => e.status === 'ranked').map((e) => e.counted.length));
    if (counts.size > 1) warnings.push(`aggregate sum: ranked entries were counted with different numbers of jurors (${[...counts].sort().join(', ')})`);
  }

  const entryIndex = new Map(prep.entries.map((entry, e) => [entry.id, e]));
  const context: TieContext = {
    decisions: prep.input.decisions ?? [],
    warnings,
    valueOf(rule, entry) {
      if (rule === 'median') return medianOf([...entry.jurorTotals.values()].map((t) => t.num), jurorDen);
      if (!rule.startsWith('criterion:')) return null;
      const c = criteria.findIndex((x) => x.id === rule.slice('criterion:'.length));
      if (c < 0) return null;
      if (entry.criteria) return entry.criteria[c].aggregate;
      const e = entryIndex.get(entry.entry)!;
      const values = rows[e].counted.map((j) => ({ juror: jurors[j], value: cells[e][j]![c]! }));
      return aggregateSorted(aggregateKind, trim(values, method.trim).kept, prep.markDen);
    },
    headToHead(a, b) {
      let balance = 0;
      for (const [juror, total] of a.jurorTotals) {
        const other = b.jurorTotals.get(juror);
        if (other) balance += compare(total, other);
      }
      return balance;
    },
  };
  rankByCategory(entries, (e) => e.total!, method.tieBreak, context);
  return { method, entries, warnings };
}

/** Ranks each category's ranked entries (categories in order of first appearance). */
export function rankByCategory(entries: readonly EntryScore[], key: (e: EntryScore) => Rational, rules: readonly string[], ctx: TieContext): void {
  const byCategory = new Map<string | null, EntryScore[]>();
  for (const entry of entries) {
    if (entry.status !== 'ranked') continue;
    const group = byCategory.get(entry.category);
    if (group) group.push(entry);
    else byCategory.set(entry.category, [entry]);
  }
  for (const group of byCategory.values()) rankCategory(group, key, rules, ctx);
}
