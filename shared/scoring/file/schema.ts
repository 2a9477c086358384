/**
 * The shape of `ruang-juri/scoring@1` (zod). Numbers arrive as their exact text (see json.ts) or, from
 * code, as numbers; either way they are read as exact decimals. Cross-references are checked in checks.ts.
 */
import { z } from 'zod';
import type { Rational } from '../rational';
import { parseDecimal } from '../text';

/** How a rejected value is quoted back: numbers (which arrive as their text) bare, anything else as JSON. */
const shown = (value: unknown) => (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) ? value : JSON.stringify(value));

const required = (expected: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : `expected ${expected}`);

export const id = z.string({ error: required('text') }).min(1, 'must not be empty');

export const decimal = z.unknown().transform((value, ctx): Rational => {
  const parsed = typeof value === 'string' || typeof value === 'number' ? parseDecimal(String(value)) : null;
  if (!parsed) ctx.addIssue({ code: 'custom', message: value === undefined ? 'is required' : `expected a decimal number, got ${shown(value)}` });
  return parsed ?? { num: 0n, den: 1n };
});

const integer = (min: number, max: number) =>
  z.unknown().transform((value, ctx): number => {
    const n = typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value)) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < min || n > max)
      ctx.addIssue({ code: 'custom', message: value === undefined ? 'is required' : `expected a whole number from ${min} to ${max}, got ${shown(value)}` });
    return n;
  });

/** Decimals of a rounding point: 0–12, or null for "not rounded here". */
const decimals = integer(0, 12);
const optionalDecimals = z.union([z.null(), decimals]).default(null);

const TIE_BREAK = /^(criterion:.+|median|headToHead|chair)$/;
const COMBINE_TIE_BREAK = /^(stage:.+|chair)$/;

export const method = z.object({
  level: z.enum(['criterion', 'total'], { error: required('"criterion" or "total"') }),
  aggregate: z.enum(['mean', 'sum', 'median', 'skating'], { error: required('"mean", "sum", "median" or "skating"') }),
  trim: integer(0, 50).default(0),
  normalize: z.enum(['none', 'z-score'], { error: required('"none" or "z-score"') }).default('none'),
  minJurors: integer(1, 1000).default(1),
  rounding: z
    .object({ aggregate: optionalDecimals, weighted: optionalDecimals, juror: optionalDecimals, total: decimals.default(2) })
    .default({ aggregate: null, weighted: null, juror: null, total: 2 }),
  tieBreak: z.array(z.string().regex(TIE_BREAK, 'expected "criterion:<id>", "median", "headToHead" or "chair"')).default([]),
});

export const criterion = z.object({
  id,
  name: z.string().optional(),
  weight: decimal,
  min: decimal.optional(),
  max: decimal.optional(),
  step: decimal.optional(),
});
export const juror = z.object({ id, name: z.string().optional() });
export const entry = z.object({ id, name: z.string().optional(), category: z.string().nullable().optional() });
export const mark = z.object({ entry: id, juror: id, criterion: id, value: decimal });
export const conflict = z.object({ entry: id, juror: id });
export const decision = z.object({ order: z.array(id).min(2, 'needs at least two entries'), note: z.string().optional(), stage: id.optional() });

export const stage = z.object({
  id,
  name: z.string().optional(),
  weight: decimal,
  /** The entries taking part (default: all). */
  entries: z.array(id).optional(),
  criteria: z.array(criterion).min(1, 'needs at least one criterion'),
  marks: z.array(mark).default([]),
  conflicts: z.array(conflict).default([]),
  method,
});

export const scoringFile = z.object({
  format: z.literal('ruang-juri/scoring@1', { error: 'must be "ruang-juri/scoring@1"' }),
  jurors: z.array(juror).min(1, 'needs at least one juror'),
  entries: z.array(entry).min(1, 'needs at least one entry'),
  criteria: z.array(criterion).min(1, 'needs at least one criterion').optional(),
  marks: z.array(mark).default([]),
  conflicts: z.array(conflict).default([]),
  method: method.optional(),
  stages: z.array(stage).min(1, 'needs at least one stage').optional(),
  combine: z
    .object({
      rounding: z.object({ weighted: optionalDecimals, total: decimals.default(2) }).default({ weighted: null, total: 2 }),
      tieBreak: z.array(z.string().regex(COMBINE_TIE_BREAK, 'expected "stage:<id>" or "chair"')).default([]),
    })
    .optional(),
  decisions: z.array(decision).default([]),
  quality: z.object({ outlierThreshold: decimal.optional(), top: integer(1, 1000).optional() }).optional(),
  /** Published results to check (`ruang-juri score --check`): a `ruang-juri/result@1` object. */
  results: z.unknown().optional(),
});

export type ScoringDocument = z.output<typeof scoringFile>;
export type StageDocument = z.output<typeof stage>;
export type MethodDocument = z.output<typeof method>;
