/**
 * Spreadsheet import and export of entries and jurors (issue 3): templates, a validation preview,
 * an all-or-nothing commit, and exports that import back unchanged. The parsing and checking live
 * in electron/core/transfer/. The import handlers are prepared: the upload is read (exceljs for
 * XLSX, papaparse for CSV) before the transaction, then checked against the competition and
 * written inside it. XLSX writing (also asynchronous) runs after the commit, from what was read.
 */
import { AppError, type ValidationIssue } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { ImportProblem } from '@shared/domain/setup';
import { translate } from '@shared/i18n';
import { afterCommit, prepared, type HandlerContext, type HandlerMap } from '../registry';
import { analyse, requiredFields, type Analysis } from '../transfer/analyse';
import { FIELDS, type ImportKind } from '../transfer/columns';
import type { Progress } from '../transfer/grid';
import { insertEntries, insertJurors, loadTarget } from '../transfer/store';
import { readTable, TableError, type Table } from '../transfer/table';
import { buildCsv, buildXlsx, CSV_MIME, exampleRow, listRows, slug, XLSX_MIME } from '../transfer/write';
import { assertCompetition, loadCompetitionDetail } from './load';

/** Rows named in the refusal message; the preview lists them all. */
const ISSUES_SHOWN = 30;

type ImportInput = ParsedInput<'import.preview'>;

/** The upload as read before the transaction: its table, or why it cannot be read (a key under errors.*). */
export type ReadUpload = { table: Table } | { unreadable: string };

/** The prepare step of both import handlers: reads the file, never the database. */
export async function readUpload(input: { file: { base64: string } }): Promise<ReadUpload> {
  try {
    return { table: await readTable(input.file.base64) };
  } catch (error) {
    if (error instanceof TableError) return { unreadable: error.key };
    throw error;
  }
}

/** Checks a read upload against the competition; a file that cannot be read is a problem, not a crash. */
export function checkImport(ctx: HandlerContext, input: ImportInput, upload: ReadUpload, onProgress?: Progress): Analysis {
  assertCompetition(ctx.db, ctx.actor, input.competitionId);
  const target = loadTarget(ctx.db, input.competitionId, input.kind);
  try {
    if ('unreadable' in upload) throw new TableError(upload.unreadable);
    return analyse(upload.table, input.kind, target, { mapping: input.mapping, locale: ctx.locale, onProgress });
  } catch (error) {
    if (!(error instanceof TableError)) throw error;
    const problem: ImportProblem = { row: null, column: null, key: error.key, params: {} };
    return {
      columns: [],
      mapping: Object.fromEntries(FIELDS[input.kind].map((f) => [f.field, null])),
      fields: requiredFields(input.kind, target.categories.length),
      totalRows: 0,
      validRows: 0,
      sample: [],
      problems: [problem],
      encoding: '',
      fileProblems: [problem],
      entries: [],
      jurors: [],
    };
  }
}

function refuse(ctx: HandlerContext, analysis: Analysis): never {
  const rowProblems = analysis.problems.filter((p) => p.row !== null);
  const rows = new Set(rowProblems.map((p) => p.row)).size;
  const issues: ValidationIssue[] = rowProblems.slice(0, ISSUES_SHOWN).map((p) => ({
    path: translate(ctx.locale, 'errors.import.at', { row: p.row!, column: p.column ?? '—' }),
    message: p.key,
  }));
  throw new AppError('VALIDATION', 'import.hasProblems', { rows, problems: rowProblems.length }, issues);
}

const fileName = (kind: ImportKind, ctx: HandlerContext, stem: string, format: 'xlsx' | 'csv'): string => {
  const prefix = { entries: { id: 'peserta', en: 'entries' }, jurors: { id: 'juri', en: 'jurors' } }[kind][ctx.locale];
  return `${prefix}-${stem}.${format}`;
};

function fileOutput(kind: ImportKind, ctx: HandlerContext, stem: string, format: 'xlsx' | 'csv', rows: string[][], withGuide: boolean) {
  const filename = fileName(kind, ctx, stem, format);
  if (format === 'csv') return { filename, mimeType: CSV_MIME, base64: buildCsv(kind, rows, ctx.locale).toString('base64') };
  const locale = ctx.locale;
  return afterCommit(async () => ({ filename, mimeType: XLSX_MIME, base64: (await buildXlsx(kind, rows, locale, withGuide)).toString('base64') }));
}

export const transferHandlers: HandlerMap = {
  'import.template'(ctx, { kind, format }) {
    return fileOutput(kind, ctx, ctx.locale === 'id' ? 'templat' : 'template', format, [exampleRow(kind, ctx.locale)], true);
  },

  'import.preview': prepared<'import.preview', ReadUpload>(readUpload, (ctx, input, upload) => {
    const { columns, mapping, fields, totalRows, validRows, sample, problems, encoding } = checkImport(ctx, input, upload);
    return { columns, mapping, fields, totalRows, validRows, sample, problems, encoding };
  }),

  'import.commit': prepared<'import.commit', ReadUpload>(readUpload, (ctx, input, upload) => {
    const analysis = checkImport(ctx, input, upload);
    const [fileProblem] = analysis.fileProblems;
    if (fileProblem) throw new AppError('VALIDATION', fileProblem.key, fileProblem.params);
    if (analysis.problems.length > 0 && !input.skipInvalid) refuse(ctx, analysis);
    const imported = input.kind === 'entries' ? analysis.entries.length : analysis.jurors.length;
    if (imported === 0) throw new AppError('VALIDATION', 'import.noValidRows');

    if (input.kind === 'entries') insertEntries(ctx.db, input.competitionId, analysis.entries);
    else insertJurors(ctx.db, input.competitionId, analysis.jurors);
    const skipped = analysis.totalRows - imported;
    const skippedRows = [...new Set(analysis.problems.map((p) => p.row))];
    ctx.audit('import.commit', {
      competitionId: input.competitionId,
      kind: input.kind,
      file: input.file.name,
      encoding: analysis.encoding,
      mapping: analysis.mapping,
      imported,
      skipped,
      skippedRows: skippedRows.slice(0, 200),
    });
    ctx.emit('competition.changed', { competitionId: input.competitionId });
    return { imported, skipped, competition: loadCompetitionDetail(ctx.db, input.competitionId) };
  }),

  'export.list'(ctx, { competitionId, kind, format }) {
    const competition = assertCompetition(ctx.db, ctx.actor, competitionId);
    const rows = listRows(kind, loadCompetitionDetail(ctx.db, competitionId), ctx.locale);
    return fileOutput(kind, ctx, slug(competition.name), format, rows, false);
  },
};
