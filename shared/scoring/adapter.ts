/**
 * From the core's stored shapes (numeric ids, marks in milli-points, weights in basis points) to the
 * engine's input. Weights become their exact effective share weightBp / Σ weightBp, so a stage whose
 * weights do not add up to 100 % still reads as the recap shows it (and as the first engine did).
 */
import { rational } from './rational';
import type { Method, StageInput } from './types';

export interface CoreStageData {
  criteria: readonly { id: number; weightBp: number }[];
  jurorIds: readonly number[];
  entries: readonly { id: number; categoryId: number }[];
  /** Only the sheets that count (submitted, applicable); criterionId → milli-points. */
  sheets: readonly { entryId: number; jurorId: number; marks: ReadonlyMap<number, number> }[];
  conflicts?: readonly { entryId: number; jurorId: number }[];
}

/** The method the core used before competitions could choose one: mean of the jurors' totals. */
export const meanOfTotals = (decimals: number): Method => ({
  level: 'total',
  aggregate: 'mean',
  trim: 0,
  normalize: 'none',
  minJurors: 1,
  rounding: { aggregate: null, weighted: null, juror: null, total: decimals },
  tieBreak: [],
});

export function stageInputFromCore(data: CoreStageData, method: Method): StageInput {
  const weightSum = data.criteria.reduce((acc, c) => acc + BigInt(c.weightBp), 0n);
  return {
    criteria: data.criteria.map((c) => ({ id: String(c.id), weight: weightSum === 0n ? rational(0) : rational(BigInt(c.weightBp), weightSum) })),
    jurors: data.jurorIds.map((id) => ({ id: String(id) })),
    entries: data.entries.map((e) => ({ id: String(e.id), category: String(e.categoryId) })),
    marks: data.sheets.flatMap((s) =>
      [...s.marks].map(([criterionId, milli]) => ({ entry: String(s.entryId), juror: String(s.jurorId), criterion: String(criterionId), value: rational(milli, 1000) })),
    ),
    conflicts: (data.conflicts ?? []).map((c) => ({ entry: String(c.entryId), juror: String(c.jurorId) })),
    method,
  };
}
