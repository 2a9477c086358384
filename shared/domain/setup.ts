/** Schemas of everything an organiser prepares before the day (issue 3). Messages are i18n keys. */
import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { parseMilli, parseScaled } from './decimal';
import { stageMethod } from './method';
import { id, markText, name } from './primitives';

const text = (max = 500) => z.string().trim().max(max, 'validation.tooLong').default('');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date').nullable().default(null);
/** PNG or JPEG as a data URL, at most about 1 MB of image. */
export const logoDataUrl = z
  .string()
  .max(1_400_000, 'validation.logoTooLarge')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'validation.logo')
  .nullable()
  .default(null);

/** Stage weights may be 0 (an administrative check that does not count). */
export const stageWeightText = z
  .union([z.string(), z.number().finite()])
  .transform((value) => String(value).trim())
  .refine((value) => {
    const bp = parseScaled(value, 2);
    return bp !== null && bp >= 0 && bp <= 10_000;
  }, 'validation.stageWeight');

export const jurorRoleFull = z.enum(['chair', 'member', 'secretary']);
export const entryStatus = z.enum(['active', 'withdrawn', 'disqualified']);
/** Indonesian civil-servant number: 18 digits; spaces are tolerated and removed. Optional. */
export const nip = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .refine((value) => value === '' || /^\d{18}$/.test(value), 'validation.nip')
  .default('');
export const pin = z.string().regex(/^\d{4,8}$/, 'validation.pin');

export const competitionDetailsInput = z
  .object({
    competitionId: id,
    name,
    institution: text(),
    unit: text(),
    address: text(1000),
    place: text(),
    startDate: isoDate,
    endDate: isoDate,
    documentLocale: z.enum(LOCALES).default('id'),
    logo: logoDataUrl,
    weightsMustTotal100: z.boolean().default(true),
  })
  .strict()
  .refine((d) => !d.startDate || !d.endDate || d.startDate <= d.endDate, { path: ['endDate'], message: 'validation.dateOrder' });

export const advancement = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('topN'), n: z.number().int().min(1, 'validation.tooSmall').max(100_000) }),
  z.object({ kind: z.literal('passingGrade'), grade: markText }),
]);

export const stageInput = z
  .object({
    competitionId: id,
    id: id.optional(),
    name,
    weight: stageWeightText,
    advancement: advancement.default({ kind: 'none' }),
    /** Omitted: a new stage gets the default method, an existing one keeps its own. */
    method: stageMethod.optional(),
  })
  .strict();

export const rubricBandInput = z.object({ min: markText, max: markText, label: name, descriptor: text(2000) });

/** Scale and rubric checks shared by criterion input and presets. */
export function checkScale(
  c: { min: string; max: string; step: string; rubric?: { min: string; max: string }[] },
  issue: (path: (string | number)[], message: string) => void,
): void {
  const [min, max, step] = [parseMilli(c.min), parseMilli(c.max), parseMilli(c.step)];
  if (min === null || max === null || step === null) return;
  if (!(min < max)) return issue(['max'], 'validation.maxBelowMin');
  if (step <= 0 || (max - min) % step !== 0) return issue(['step'], 'validation.stepDivides');
  const bands = (c.rubric ?? []).map((b, index) => ({ index, min: parseMilli(b.min), max: parseMilli(b.max) }));
  for (const band of bands) {
    if (band.min === null || band.max === null) continue;
    if (band.min > band.max) issue(['rubric', band.index, 'max'], 'validation.maxBelowMin');
    else if (band.min < min || band.max > max) issue(['rubric', band.index, 'min'], 'validation.bandOutsideScale');
  }
  const sorted = bands.filter((b) => b.min !== null && b.max !== null).sort((a, b) => a.min! - b.min!);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].min! <= sorted[i - 1].max!) issue(['rubric', sorted[i].index, 'min'], 'validation.bandsOverlap');
  }
}

export const criterionInput = z
  .object({
    stageId: id,
    id: id.optional(),
    name,
    description: text(2000),
    weight: markText,
    min: markText.default('0'),
    max: markText.default('100'),
    step: markText.default('1'),
    aspect: z.string().trim().max(200, 'validation.tooLong').nullable().default(null),
    rubric: z.array(rubricBandInput).max(20).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    const weight = parseScaled(c.weight, 2);
    if (weight === null || weight <= 0 || weight > 10_000) ctx.addIssue({ code: 'custom', path: ['weight'], message: 'validation.weight' });
    checkScale(c, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  });

const gradeBandInput = z.object({
  label: name,
  description: text(),
  lower: markText.nullable(),
  lowerInclusive: z.boolean(),
  upper: markText.nullable(),
  upperInclusive: z.boolean(),
});
const awardBandInput = z.object({
  label: name,
  description: text(),
  fromRank: z.number().int().min(1),
  toRank: z.number().int().min(1),
});
export const gradeScaleInput = z.discriminatedUnion('kind', [
  z.object({ competitionId: id, id: id.optional(), name, kind: z.literal('grade'), bands: z.array(gradeBandInput).min(1, 'validation.atLeastOne').max(30) }),
  z.object({ competitionId: id, id: id.optional(), name, kind: z.literal('award'), bands: z.array(awardBandInput).min(1, 'validation.atLeastOne').max(100) }),
]);

export const jurorInput = z
  .object({
    competitionId: id,
    id: id.optional(),
    name,
    title: text(),
    nip,
    position: text(),
    institution: text(),
    role: jurorRoleFull.default('member'),
    /** undefined keeps the current PIN, null removes it. */
    pin: pin.nullable().optional(),
  })
  .strict();

export const panelInput = z.object({ competitionId: id, id: id.optional(), name, jurorIds: z.array(id).max(100) }).strict();

export const entryInput = z
  .object({
    competitionId: id,
    id: id.optional(),
    code: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
    title: name,
    unit: text(),
    categoryId: id,
    presenters: text(),
    contact: text(),
    notes: text(2000),
  })
  .strict();

export const entryStatusInput = z
  .object({ entryId: id, status: entryStatus, reason: text(1000) })
  .strict()
  .refine((s) => s.status !== 'disqualified' || s.reason !== '', { path: ['reason'], message: 'validation.reasonRequired' });

/** A unit conflict covers the entries whose unit matches as the organiser types it: trimmed, case-insensitive. */
export const unitKey = (unit: string): string => unit.trim().toLocaleLowerCase('id-ID');
export const conflictTarget = z.union([z.object({ entryId: id }).strict(), z.object({ unit: z.string().trim().min(1, 'validation.required').max(200) }).strict()]);
export const conflictInput = z.object({ competitionId: id, jurorId: id, target: conflictTarget, reason: text(1000) }).strict();

// ---- views ----------------------------------------------------------------------------------
export const aspect = z.object({ id, stageId: id, name: z.string() });
export const stageView = z.object({
  id,
  name: z.string(),
  position: z.number().int(),
  weightBp: z.number().int(),
  advancement: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('topN'), n: z.number().int() }),
    z.object({ kind: z.literal('passingGrade'), grade: z.string() }),
  ]),
  advancementAppliedAt: z.string().nullable(),
  method: stageMethod,
});
export const gradeScaleView = z.object({
  id,
  name: z.string(),
  kind: z.enum(['grade', 'award']),
  bands: z.array(
    z.object({
      label: z.string(),
      description: z.string(),
      lower: z.string().nullable(),
      lowerInclusive: z.boolean(),
      upper: z.string().nullable(),
      upperInclusive: z.boolean(),
      fromRank: z.number().int().nullable(),
      toRank: z.number().int().nullable(),
    }),
  ),
});
export const panelView = z.object({ id, name: z.string(), jurorIds: z.array(id) });
export const conflictView = z.object({
  id,
  jurorId: id,
  entryId: id.nullable(),
  unit: z.string().nullable(),
  reason: z.string(),
  declaredBy: z.enum(['organiser', 'juror']),
  createdAt: z.string(),
});
export const competitionDetails = z.object({
  institution: z.string(),
  unit: z.string(),
  address: z.string(),
  place: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  documentLocale: z.enum(LOCALES),
  logo: z.string().nullable(),
  weightsMustTotal100: z.boolean(),
});
export const setupProblem = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

/** A file travelling through the API (imports, exports, templates). */
export const fileInput = z.object({ name: z.string().max(255), base64: z.string().max(70_000_000, 'validation.fileTooLarge') });
export const fileOutput = z.object({ filename: z.string(), mimeType: z.string(), base64: z.string() });
export const importKind = z.enum(['entries', 'jurors']);
export const listFormat = z.enum(['xlsx', 'csv']);
export const importProblem = z.object({
  /** 1-based row number as the user sees it in the spreadsheet (the header is row 1). */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export type CompetitionDetailsInput = z.input<typeof competitionDetailsInput>;
export type StageView = z.output<typeof stageView>;
export type ConflictView = z.output<typeof conflictView>;
export type PanelView = z.output<typeof panelView>;
export type GradeScaleView = z.output<typeof gradeScaleView>;
export type ImportProblem = z.output<typeof importProblem>;
