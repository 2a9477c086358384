/** Setup commands (issue 3): everything the organiser prepares before the day. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import * as setup from '../domain/setup';
import { command } from './define';

const organiser = ['organiser'] as const;
const byId = (key: string) => z.object({ [key]: s.id }).strict();
const ok = z.object({ ok: z.literal(true) });
const detail = s.competitionDetail;

/** Criteria and grade-scale presets from real competitions (values in shared/presets). */
export const presetSummary = z.object({ id: z.string(), name: z.string(), source: z.string(), kind: z.enum(['criteria', 'grade', 'award']) });

export const importPreview = z.object({
  /** Spreadsheet columns as read (header text), and the field each one maps to. */
  columns: z.array(z.object({ index: z.number().int(), header: z.string() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  /** Every field the list knows, with whether it must be mapped. */
  fields: z.array(z.object({ field: z.string(), required: z.boolean() })),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** The first rows after mapping, for the preview table. */
  sample: z.array(z.record(z.string(), z.string())),
  problems: z.array(setup.importProblem),
  encoding: z.string(),
});
const importInput = z
  .object({
    competitionId: s.id,
    kind: setup.importKind,
    file: setup.fileInput,
    /** field → 0-based column index; omitted: detected from the headers. */
    mapping: z.record(z.string(), z.number().int().min(0).nullable()).optional(),
  })
  .strict();

export const setupCommands = {
  'competition.updateDetails': command({ input: setup.competitionDetailsInput, output: detail, roles: organiser }),
  'competition.delete': command({ input: byId('competitionId'), output: ok, roles: organiser }),

  'category.save': command({
    input: z.object({ competitionId: s.id, id: s.id.optional(), name: s.name }).strict(),
    output: detail,
    roles: organiser,
  }),
  'category.delete': command({ input: byId('categoryId'), output: detail, roles: organiser }),

  'stage.save': command({ input: setup.stageInput, output: detail, roles: organiser }),
  'stage.delete': command({ input: byId('stageId'), output: detail, roles: organiser }),
  'stage.move': command({ input: z.object({ stageId: s.id, position: z.number().int().min(0) }).strict(), output: detail, roles: organiser }),
  /** Produces the next stage's list from this stage's results under its advancement rule. */
  'stage.applyAdvancement': command({
    input: byId('stageId'),
    output: z.object({ nextStageId: s.id, advancedEntryIds: z.array(s.id) }),
    roles: ['organiser', 'chair'],
  }),
  /** Assigns entries of a stage to a panel (null: every scoring juror); no entryIds means all of them. */
  'stage.assignPanel': command({
    input: z.object({ stageId: s.id, panelId: s.id.nullable(), entryIds: z.array(s.id).optional() }).strict(),
    output: detail,
    roles: organiser,
  }),

  'criterion.save': command({ input: setup.criterionInput, output: detail, roles: organiser }),
  'criterion.delete': command({ input: byId('criterionId'), output: detail, roles: organiser }),
  'criterion.move': command({ input: z.object({ criterionId: s.id, position: z.number().int().min(0) }).strict(), output: detail, roles: organiser }),

  'preset.list': command({ input: z.object({}).strict(), output: z.array(presetSummary), roles: organiser }),
  'preset.applyCriteria': command({
    input: z.object({ stageId: s.id, presetId: z.string(), mode: z.enum(['replace', 'append']).default('replace') }).strict(),
    output: detail,
    roles: organiser,
  }),
  'preset.applyGradeScale': command({
    input: z.object({ competitionId: s.id, presetId: z.string() }).strict(),
    output: detail,
    roles: organiser,
  }),
  'gradeScale.save': command({ input: setup.gradeScaleInput, output: detail, roles: organiser }),
  'gradeScale.delete': command({ input: byId('gradeScaleId'), output: detail, roles: organiser }),

  'juror.save': command({ input: setup.jurorInput, output: detail, roles: organiser }),
  'juror.delete': command({ input: byId('jurorId'), output: detail, roles: organiser }),
  'panel.save': command({ input: setup.panelInput, output: detail, roles: organiser }),
  'panel.delete': command({ input: byId('panelId'), output: detail, roles: organiser }),

  'entry.save': command({ input: setup.entryInput, output: detail, roles: organiser }),
  'entry.setStatus': command({ input: setup.entryStatusInput, output: detail, roles: organiser }),
  'entry.delete': command({ input: byId('entryId'), output: detail, roles: organiser }),

  'conflict.declare': command({ input: setup.conflictInput, output: detail, roles: organiser }),
  'conflict.remove': command({ input: byId('conflictId'), output: detail, roles: organiser }),
  /** A juror declares their own conflict with an entry before scoring it. */
  'scoring.declareConflict': command({
    input: z.object({ entryId: s.id, reason: z.string().trim().max(1000).default('') }).strict(),
    output: z.object({ conflictId: s.id }),
    roles: ['juror', 'chair'],
  }),

  /** What still stands between this setup and a session: weights not 100 %, stages without criteria … */
  'setup.check': command({
    input: byId('competitionId'),
    output: z.object({ problems: z.array(setup.setupProblem) }),
    roles: ['organiser', 'chair'],
  }),

  'import.template': command({
    input: z.object({ kind: setup.importKind, format: setup.listFormat.default('xlsx') }).strict(),
    output: setup.fileOutput,
    roles: organiser,
  }),
  'import.preview': command({ input: importInput, output: importPreview, roles: organiser }),
  /** All or nothing: refused while problems remain, unless skipInvalid imports the valid rows only. */
  'import.commit': command({
    input: importInput.extend({ skipInvalid: z.boolean().default(false) }),
    output: z.object({ imported: z.number().int(), skipped: z.number().int(), competition: detail }),
    roles: organiser,
  }),
  'export.list': command({
    input: z.object({ competitionId: s.id, kind: setup.importKind, format: setup.listFormat.default('xlsx') }).strict(),
    output: setup.fileOutput,
    roles: organiser,
  }),

  /** "Coba dengan data contoh": the seed articles' competitions with the first stage already scored. */
  'sample.load': command({ input: z.object({}).strict(), output: s.competitionSummary, roles: organiser }),
};
