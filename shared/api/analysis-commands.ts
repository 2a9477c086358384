/**
 * analysis commands (issue 6, "Results"): one stage's result explained entry by entry, and the
 * engine's quality figures (advisory) for plots. Every figure is exact decimal text from the engine
 * ("81.15", "76.216666…" when it does not terminate). Spread into shared/api/contract.ts.
 */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { stageMethod } from '../domain/method';
import { command, type CommandDef, type EventDef } from './define';

const CONTROL = ['organiser', 'chair'] as const;
const text = z.string();

const named = z.object({ id: s.id, name: z.string() });

export const analysisMark = z.object({
  criterionId: s.id,
  value: text,
  /** Left out by the method's trimming (struck through on the page). */
  dropped: z.boolean(),
});

export const analysisJuror = z.object({
  jurorId: s.id,
  /** counted: in the result; dropped: counted but trimmed away (level total); excluded: not counted. */
  status: z.enum(['counted', 'dropped', 'excluded']),
  /** Why an excluded juror is not counted. */
  reason: z.enum(['conflicted', 'notInPanel', 'noSheet', 'incompleteSheet']).nullable(),
  /** The juror's total Σ weight × mark as the method rounds it; null when not counted. */
  total: text.nullable(),
  marks: z.array(analysisMark),
});

export const analysisEntry = z.object({
  entryId: s.id,
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  categoryId: s.id,
  status: z.enum(['ranked', 'incomplete', 'inactive']),
  rank: z.number().nullable(),
  tie: z.boolean(),
  /** Printed total (the method's decimals) and the exact value before the final rounding. */
  total: text.nullable(),
  totalExact: text.nullable(),
  /** Per criterion: the aggregate across the kept jurors, its weight (percent) and weight × aggregate. */
  criteria: z.array(z.object({ criterionId: s.id, aggregate: text.nullable(), weightPercent: text, weighted: text.nullable() })),
  jurors: z.array(analysisJuror),
  /** The engine's explanation, step by step, in the requester's language. */
  steps: z.array(z.string()),
});

export const stageAnalysis = z.object({
  competitionId: s.id,
  competitionName: z.string(),
  stageId: s.id,
  stageName: z.string(),
  stages: z.array(named),
  categories: z.array(named),
  method: stageMethod,
  /** The method in words (requester's language). */
  methodText: z.string(),
  /** z-score normalisation makes the whole result advisory. */
  advisory: z.boolean(),
  /** At level total the per-criterion breakdown is for reading only: the total comes from the jurors' totals. */
  breakdownIsReading: z.boolean(),
  criteria: z.array(named.extend({ weightPercent: text, min: text, max: text })),
  jurors: z.array(named),
  entries: z.array(analysisEntry),
});

const placing = z.object({ entryId: s.id, rank: z.number() });
const categoryChange = z.object({ categoryId: s.id, podium: z.array(placing), podiumChanged: z.boolean(), topChanged: z.boolean() });

export const stageQuality = z.object({
  stageId: s.id,
  /** Always true: quality figures inform the chair, they never change a result. */
  advisory: z.literal(true),
  /** Outlier limit as a share of the criterion's range ("0.2" = a fifth of 0–100, i.e. 20 points). */
  outlierThreshold: text,
  /** The N of "top N" in the robustness figures. */
  top: z.number().int(),
  jurors: z.array(
    z.object({
      jurorId: s.id,
      name: z.string(),
      entries: z.number().int(),
      shared: z.number().int(),
      /** Mean offset of the juror's totals from the other jurors' mean; negative = harsher. */
      severity: text.nullable(),
      /** The same rounded half away from zero to 2 decimals, for labels and bar lengths. */
      severityRounded: text.nullable(),
      /** Standard deviation of the juror's own totals (exact, or 6 decimals and "…"). */
      spread: text.nullable(),
      outliers: z.number().int(),
    }),
  ),
  outliers: z.array(z.object({ entryId: s.id, jurorId: s.id, criterionId: s.id, value: text, othersMedian: text, deviation: text })),
  kendallW: z.array(z.object({ categoryId: s.id, jurors: z.number().int(), entries: z.number().int(), w: text.nullable() })),
  krippendorffAlpha: z.object({ units: z.number().int(), alpha: text.nullable() }),
  leaveOneOut: z.array(
    z.object({
      jurorId: s.id,
      changed: z.boolean(),
      categories: z.array(categoryChange),
      /** Entries whose rank differs without this juror (rank null: no longer ranked). */
      moves: z.array(z.object({ entryId: s.id, rank: z.number().nullable(), rankWithout: z.number().nullable() })),
    }),
  ),
  /** The current podium per category, the reference for the sensitivity table. */
  podium: z.array(z.object({ categoryId: s.id, podium: z.array(placing) })),
  sensitivity: z.array(
    z.object({
      method: z.enum(['mean', 'trimmed', 'median', 'zScore']),
      changed: z.boolean(),
      categories: z.array(categoryChange),
    }),
  ),
});

export const analysisCommands = {
  'analysis.stage': command({
    input: z.object({ competitionId: s.id, stageId: s.id.optional(), categoryId: s.id.optional() }).strict(),
    output: stageAnalysis,
    roles: CONTROL,
  }),
  /** Heavy (recomputes the stage once per juror and per alternative method): asked for on demand. */
  'analysis.quality': command({
    input: z.object({ competitionId: s.id, stageId: s.id.optional() }).strict(),
    output: stageQuality,
    roles: CONTROL,
  }),
} satisfies Record<string, CommandDef>;

export const analysisEvents = {} satisfies Record<string, EventDef>;
