import { z } from 'zod';
import { parseMilli } from './decimal';
import { stageMethod } from './method';
import { aspect, competitionDetails, conflictView, gradeScaleView, panelView, stageView } from './setup';

export { id, name, markText, percentText } from './primitives';
import { id, name, markText, percentText } from './primitives';
const optionalText = z.string().trim().max(500, 'validation.tooLong').default('');

export const jurorRole = z.enum(['chair', 'member', 'secretary']);
export const sheetStatus = z.enum(['empty', 'draft', 'submitted']);

export const category = z.object({ id, name });
export const rubricBandView = z.object({ min: z.string(), max: z.string(), label: z.string(), descriptor: z.string() });
export const criterion = z.object({
  id,
  stageId: id,
  name,
  weightBp: z.number().int(),
  /** Effective share of the stage total in basis points, so weights not adding up to 100 % still read right. */
  effectiveWeightBp: z.number().int(),
  min: z.string(),
  max: z.string(),
  step: z.string(),
  position: z.number().int(),
  description: z.string(),
  aspectId: id.nullable(),
  rubric: z.array(rubricBandView),
});
export const juror = z.object({
  id,
  name,
  role: jurorRole,
  title: z.string(),
  nip: z.string(),
  position: z.string(),
  institution: z.string(),
  hasPin: z.boolean(),
});
export const entry = z.object({
  id,
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  categoryId: id,
  presenters: z.string(),
  contact: z.string(),
  notes: z.string(),
  status: z.enum(['active', 'withdrawn', 'disqualified']),
  statusReason: z.string(),
});

export const competitionSummary = z.object({ id, name, createdAt: z.string(), entryCount: z.number().int() });
export const competitionDetail = z.object({
  id,
  name,
  createdAt: z.string(),
  details: competitionDetails,
  categories: z.array(category),
  stages: z.array(stageView),
  aspects: z.array(aspect),
  criteria: z.array(criterion),
  jurors: z.array(juror),
  panels: z.array(panelView),
  entries: z.array(entry),
  /** Which entries take part in each stage, and the panel that scores each (null: every scoring juror). */
  stageEntries: z.array(z.object({ stageId: id, entryId: id, panelId: id.nullable() })),
  conflicts: z.array(conflictView),
  gradeScales: z.array(gradeScaleView),
});

export const competitionDraft = z
  .object({
    name,
    categories: z.array(z.object({ name })).min(1, 'validation.atLeastOne'),
    criteria: z
      .array(
        z.object({
          name,
          weight: percentText,
          min: markText.default('0'),
          max: markText.default('100'),
          step: markText.default('1'),
        }),
      )
      .min(1, 'validation.atLeastOne'),
    jurors: z.array(z.object({ name, role: jurorRole.default('member') })).min(1, 'validation.atLeastOne'),
    entries: z
      .array(z.object({ code: optionalText, title: name, unit: optionalText, category: name }))
      .min(1, 'validation.atLeastOne'),
  })
  .superRefine((draft, ctx) => {
    const categoryNames = new Set(draft.categories.map((c) => c.name));
    draft.entries.forEach((e, index) => {
      if (!categoryNames.has(e.category))
        ctx.addIssue({ code: 'custom', path: ['entries', index, 'category'], message: 'validation.unknownCategory' });
    });
    draft.criteria.forEach((c, index) => {
      const [min, max, step] = [parseMilli(c.min), parseMilli(c.max), parseMilli(c.step)];
      if (min === null || max === null || step === null) return;
      if (!(min < max) || step <= 0 || (max - min) % step !== 0)
        ctx.addIssue({ code: 'custom', path: ['criteria', index, 'max'], message: 'validation.scale' });
    });
  });

export const session = z.object({
  id,
  competitionId: id,
  stageId: id,
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  currentEntryId: id.nullable(),
});

export const mark = z.object({ criterionId: id, value: z.string() });
/** A juror's comment on one criterion and on the whole sheet (issue 5); '' removes one. */
export const criterionComment = z.object({ criterionId: id, text: z.string().trim().max(1000, 'validation.tooLong') });
export const sheetComment = z.string().trim().max(4000, 'validation.tooLong');
export const sheet = z.object({
  entryId: id,
  jurorId: id,
  status: sheetStatus,
  marks: z.array(mark),
  updatedAt: z.string().nullable(),
  comments: z.array(z.object({ criterionId: id, text: z.string() })).optional(),
  comment: z.string().nullable().optional(),
  /** A submission made after the scoring window closed, waiting for the chair or declined by them. */
  late: z.object({ id, status: z.enum(['pending', 'declined']), submittedAt: z.string(), reason: z.string().nullable() }).nullable().optional(),
  /** The chair or organiser reopened it: it may be corrected outside the scoring window. */
  reopened: z.boolean().optional(),
});

export const actorView = z.discriminatedUnion('role', [
  z.object({ role: z.literal('organiser') }),
  z.object({ role: z.literal('chair'), competitionId: id, jurorId: id, name: z.string() }),
  z.object({ role: z.literal('juror'), competitionId: id, jurorId: id, name: z.string() }),
  z.object({ role: z.literal('display'), competitionId: id }),
  z.object({ role: z.literal('anonymous') }),
]);

export const resultRow = z.object({
  entryId: id,
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  /** null while no juror has submitted: the entry is incomplete, not ranked. */
  rank: z.number().int().nullable(),
  total: z.string().nullable(),
  tied: z.boolean(),
  submittedCount: z.number().int(),
  jurorTotals: z.array(z.object({ jurorId: id, total: z.string().nullable() })),
});
export const results = z.object({
  competitionId: id,
  competitionName: z.string(),
  stageName: z.string(),
  /** The stage's method; `decimals` (= rounding.total) is how totals are printed. */
  method: stageMethod.and(z.object({ decimals: z.number().int() })),
  jurors: z.array(juror),
  categories: z.array(z.object({ categoryId: id, name: z.string(), rows: z.array(resultRow) })),
});

export type CompetitionDraft = z.input<typeof competitionDraft>;
export type CompetitionDetail = z.output<typeof competitionDetail>;
export type CompetitionSummary = z.output<typeof competitionSummary>;
export type Criterion = z.output<typeof criterion>;
export type Entry = z.output<typeof entry>;
export type Juror = z.output<typeof juror>;
export type Session = z.output<typeof session>;
export type Sheet = z.output<typeof sheet>;
export type SheetStatus = z.output<typeof sheetStatus>;
export type ActorView = z.output<typeof actorView>;
export type Results = z.output<typeof results>;
export type ResultRow = z.output<typeof resultRow>;
