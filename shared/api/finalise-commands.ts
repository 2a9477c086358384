/** finalise commands and push events: results per stage, awards and grades, tie decisions, finalise/reopen snapshots, exports (issue 6). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { command, event, type CommandDef, type EventDef } from './define';

const CONTROL = ['organiser', 'chair'] as const;
/** Decisions that change the official result are the chair's (DOMAIN.md: the chair resolves ties and finalises). */
const CHAIR = ['chair'] as const;

const reason = z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong');
const byStage = z.object({ competitionId: s.id, stageId: s.id }).strict();

export const snapshotStatus = z.object({
  /** The newest snapshot stands (not reopened). */
  final: z.boolean(),
  /** Version of the newest snapshot; null: never finalised. */
  version: z.number().int().nullable(),
  /** The version the next finalisation will get. */
  nextVersion: z.number().int(),
  hash: z.string().nullable(),
  finalisedBy: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  reopenedBy: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  /** Final, but recomputing the stage now would freeze something else (e.g. an entry withdrawn since). */
  changedSinceFinal: z.boolean(),
});

export const finalRow = z.object({
  entryId: s.id,
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  /** `inactive`: withdrawn or disqualified; `incomplete`: too few counted jurors. */
  status: z.enum(['ranked', 'incomplete', 'inactive']),
  rank: z.number().nullable(),
  total: z.string().nullable(),
  /** Shares its rank after every tie-break rule. */
  tied: z.boolean(),
  /** Tied across an award or advancement boundary: no award until the chair decides. */
  boundaryTie: z.boolean(),
  /** The award that stands: the override's, else the scheme's; null: none. */
  award: z.string().nullable(),
  override: z.object({ label: z.string(), reason: z.string() }).nullable(),
  grade: z.string().nullable(),
});

export const tieDecision = z.object({
  categoryId: s.id,
  order: z.array(s.id),
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

export const stageResults = z.object({
  competitionId: s.id,
  competitionName: z.string(),
  stageId: s.id,
  stageName: z.string(),
  stages: z.array(z.object({ id: s.id, name: z.string(), final: z.boolean() })),
  scales: z.array(z.object({ id: s.id, name: z.string(), kind: z.enum(['grade', 'award']) })),
  awardScaleId: s.id.nullable(),
  gradeScaleId: s.id.nullable(),
  status: snapshotStatus,
  categories: z.array(z.object({ categoryId: s.id, name: z.string(), rows: z.array(finalRow) })),
  /** Ties the rules (and the chair's decisions) left open, per category. */
  ties: z.array(z.object({ categoryId: s.id, rank: z.number(), entryIds: z.array(s.id), atBoundary: z.boolean() })),
  decisions: z.array(tieDecision),
  /** What stands in the way of finalising. */
  blockers: z.object({
    sheets: z.array(z.object({ jurorId: s.id, jurorName: z.string(), entryId: s.id, code: z.string(), status: z.enum(['empty', 'draft']) })),
    boundaryTies: z.number().int(),
  }),
});

export const exportFile = z.object({ filename: z.string(), mimeType: z.string(), base64: z.string() });

export const finaliseCommands = {
  /** One stage's result with awards, grades, ties and its snapshot status (default: the active stage). */
  'results.stage': command({
    input: z.object({ competitionId: s.id, stageId: s.id.optional() }).strict(),
    output: stageResults,
    roles: CONTROL,
  }),
  /** Chooses the award scale (by rank) and grade scale (by total) of a stage; null: none. */
  'results.setScheme': command({
    input: byStage.extend({ awardScaleId: s.id.nullable(), gradeScaleId: s.id.nullable() }).strict(),
    output: stageResults,
    roles: CONTROL,
  }),
  /** The chair's order (best first) for entries tied after every rule, with a reason; it replaces an earlier one for the same entries. */
  'results.decideTie': command({
    input: byStage.extend({ categoryId: s.id, order: z.array(s.id).max(100), reason }).strict(),
    output: stageResults,
    roles: CHAIR,
  }),
  /** Sets (label; '' = no award) or removes (null) the chair's award for an entry, with a reason. */
  'results.overrideAward': command({
    input: byStage.extend({ entryId: s.id, label: z.string().trim().max(100, 'validation.tooLong').nullable(), reason }).strict(),
    output: stageResults,
    roles: CHAIR,
  }),
  /** Freezes the stage's result into a snapshot (version 1, then +1 after each reopening). */
  'finalise.stage': command({ input: byStage, output: stageResults, roles: CHAIR }),
  /** Reopens a final stage; the reason is logged and the next finalisation gets a new version. */
  'finalise.reopen': command({ input: byStage.extend({ reason }).strict(), output: stageResults, roles: CHAIR }),
  /** XLSX (recap, one sheet per juror, raw marks), CSV (recap) or the audit bundle (ruang-juri/scoring@1 with results). */
  'results.export': command({
    input: byStage.extend({ format: z.enum(['xlsx', 'csv', 'bundle']) }).strict(),
    output: exportFile,
    roles: CONTROL,
  }),
} satisfies Record<string, CommandDef>;

export const finaliseEvents = {
  /** A stage's awards, decisions or snapshot changed. */
  'results.changed': event({ payload: byStage, roles: CONTROL }),
} satisfies Record<string, EventDef>;
