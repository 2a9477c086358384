/**
 * How a stage's results are computed: the engine's method (shared/scoring) as a competition setting.
 * Skating is left to the scoring file and the CLI: the app's sheets hold marks, not placements.
 */
import { z } from 'zod';

const decimals = z.number().int().min(0, 'validation.tooSmall').max(6, 'validation.tooBig');
const TIE_BREAK = /^(criterion:\d+|median|headToHead|chair)$/;

export const stageMethod = z
  .object({
    level: z.enum(['criterion', 'total']),
    aggregate: z.enum(['mean', 'sum', 'median']),
    /** Marks dropped at each end: exactly one copy of the highest and one of the lowest per step. */
    trim: z.number().int().min(0, 'validation.tooSmall').max(5, 'validation.tooBig'),
    normalize: z.enum(['none', 'z-score']),
    minJurors: z.number().int().min(1, 'validation.tooSmall').max(100, 'validation.tooBig'),
    rounding: z.object({ aggregate: decimals.nullable(), weighted: decimals.nullable(), juror: decimals.nullable(), total: decimals }),
    /** In order; `criterion:<criterion id>` of this stage, `median`, `headToHead`, `chair`. */
    tieBreak: z.array(z.string().regex(TIE_BREAK, 'validation.tieBreak')).max(6),
  })
  .superRefine((m, ctx) => {
    // The engine's own consistency rules: a rounding point exists only at its level.
    if (m.level === 'total' && m.rounding.aggregate !== null)
      ctx.addIssue({ code: 'custom', path: ['rounding', 'aggregate'], message: 'validation.roundingLevel' });
    if (m.level === 'criterion' && m.rounding.juror !== null)
      ctx.addIssue({ code: 'custom', path: ['rounding', 'juror'], message: 'validation.roundingLevel' });
  });

export type StageMethod = z.output<typeof stageMethod>;

/** What every stage used before it could choose: the mean of the jurors' totals, total to 2 decimals. */
export const DEFAULT_STAGE_METHOD: StageMethod = {
  level: 'total',
  aggregate: 'mean',
  trim: 0,
  normalize: 'none',
  minJurors: 1,
  rounding: { aggregate: null, weighted: null, juror: null, total: 2 },
  tieBreak: [],
};
