/**
 * The scoring engine (thin first version): per juror a weighted total Σ w·m / Σ w over the criteria,
 * then the mean of the jurors' totals, rounded once (half-up) to `decimals`; ranked within each
 * category on that printed total, so the ranking is explained by the numbers on the recap.
 * Pure and exact: marks in milli-points and weights in basis points go through BigInt rationals.
 */
import { add, compare, div, mul, rational, roundToScaled, sum, type Rational } from './rational';
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

export function computeRanking(input: EngineInput): EngineRow[] {
  const rows: EngineRow[] = input.entries.map((entry) => {
    const sheets = input.sheets.filter((s) => s.entryId === entry.id);
    const totals = sheets.map((s) => [s.jurorId, jurorTotal(input.criteria, s.marks)] as const);
    const exactTotal = totals.length
      ? div(totals.reduce((acc, [, t]) => add(acc, t), rational(0)), rational(totals.length))
      : null;
    return {
      entryId: entry.id,
      categoryId: entry.categoryId,
      rank: null,
      tied: false,
      total: exactTotal ? roundedText(exactTotal, input.decimals) : null,
      exactTotal,
      submittedCount: sheets.length,
      jurorTotals: new Map(totals.map(([jurorId, t]) => [jurorId, roundedText(t, input.decimals)])),
    };
  });

  const byCategory = new Map<number, EngineRow[]>();
  for (const row of rows) byCategory.set(row.categoryId, [...(byCategory.get(row.categoryId) ?? []), row]);
  for (const categoryRows of byCategory.values()) {
    const ranked = categoryRows
      .filter((row) => row.exactTotal)
      .map((row) => ({ row, printed: rational(roundToScaled(row.exactTotal!, input.decimals)) }))
      .sort((a, b) => compare(b.printed, a.printed));
    ranked.forEach(({ row, printed }, index) => {
      const first = ranked.findIndex((other) => compare(other.printed, printed) === 0);
      row.rank = first + 1;
      row.tied = ranked.some((other, j) => j !== index && compare(other.printed, printed) === 0);
    });
  }
  return rows;
}
