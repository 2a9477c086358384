/**
 * The core's first scoring interface (numeric ids, milli-points, basis points): per juror a weighted
 * total Σ w·m / Σ w, then the mean of the jurors' totals, rounded once (half-up) to `decimals`, ranked
 * within each category on that printed total. Computed by the full engine (./compute.ts); see index.ts.
 */
import { stageInputFromCore, meanOfTotals } from './adapter';
import { scoreStage } from './compute';
import type { Method } from './types';
import { div, mul, rational, reduce, roundToScaled, sum, type Rational } from './rational';
import { scaledToText } from '../domain/decimal';

export interface EngineCriterion {
  id: number;
  weightBp: number;
}
export interface EngineSheet {
  entryId: number;
  jurorId: number;
  /** criterionId → mark in milli-points; only submitted, complete sheets are passed in. */
  marks: ReadonlyMap<number, number>;
}
export interface EngineEntry {
  id: number;
  categoryId: number;
}
export interface EngineInput {
  criteria: readonly EngineCriterion[];
  jurorIds: readonly number[];
  entries: readonly EngineEntry[];
  sheets: readonly EngineSheet[];
  decimals: number;
  /** The stage's method; omitted: the mean of the jurors' totals, rounded to `decimals`. */
  method?: Method;
  /** The chair's recorded tie decisions (entry ids in the decided order), applied by the method's `chair` rule. */
  decisions?: readonly { order: readonly number[]; note: string }[];
}
export interface EngineRow {
  entryId: number;
  categoryId: number;
  rank: number | null;
  tied: boolean;
  /** Rounded total as canonical decimal text, null while incomplete. */
  total: string | null;
  exactTotal: Rational | null;
  submittedCount: number;
  jurorTotals: Map<number, string>;
}

const MILLI = rational(1000);

/** Σ w·m / Σ w in points (exact). */
export function jurorTotal(criteria: readonly EngineCriterion[], marks: ReadonlyMap<number, number>): Rational {
  const weightSum = criteria.reduce((acc, c) => acc + BigInt(c.weightBp), 0n);
  const weighted = sum(criteria.map((c) => rational(BigInt(c.weightBp) * BigInt(marks.get(c.id) ?? 0))));
  return div(weighted, mul(rational(weightSum), MILLI));
}

export const roundedText = (value: Rational, decimals: number): string =>
  scaledToText(roundToScaled(value, decimals), decimals, true);

/**
 * The first engine's interface, now answered by the full engine (level total, mean of the jurors'
 * totals, no trim, rounding the total only): kept so that callers written for it keep working until
 * they pass a competition's own method to `scoreStage` through `stageInputFromCore`.
 */
export function computeRanking(input: EngineInput): EngineRow[] {
  const decisions = (input.decisions ?? []).map((d) => ({ order: d.order.map(String), note: d.note }));
  const score = scoreStage({ ...stageInputFromCore(input, input.method ?? meanOfTotals(input.decimals)), decisions });
  return score.entries.map((entry, index) => ({
    entryId: input.entries[index].id,
    categoryId: input.entries[index].categoryId,
    rank: entry.rank,
    tied: entry.tie,
    total: entry.total && roundedText(entry.total, input.decimals),
    exactTotal: entry.totalExact && reduce(entry.totalExact),
    submittedCount: entry.counted.length,
    jurorTotals: new Map([...entry.jurorTotals].map(([jurorId, total]) => [Number(jurorId), roundedText(total, input.decimals)])),
  }));
}
