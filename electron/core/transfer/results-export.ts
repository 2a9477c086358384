/**
 * A stage's result as spreadsheets: XLSX (recap, one sheet per juror, raw marks) with exceljs and the
 * recap as CSV with papaparse, in the competition's document language. Totals are the engine's printed
 * decimals; they become spreadsheet numbers only where their text is a plain decimal, so a cell shows
 * exactly what the recap prints. The status line says SEMENTARA until the stage is final.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { translate, type Locale } from '@shared/i18n';
import { exactText } from '@shared/scoring';
import type { FinalRow, StageOutcome } from '../services/stage-outcome';

export interface ResultsExport {
  locale: Locale;
  title: string;
  /** "SEMENTARA …" or "FINAL v2 · SHA-256 …" */
  status: string;
  jurors: { id: number; name: string }[];
  criteria: { id: number; name: string }[];
  rows: (FinalRow & { category: string; jurorTotals: (string | null)[] })[];
  marks: { entryId: number; code: string; title: string; jurorId: number; juror: string; criterionId: number; criterion: string; value: string }[];
}

export function resultsExportData(outcome: StageOutcome, locale: Locale): ResultsExport {
  const { view, detail, stage, document, entryResults } = outcome;
  const l = (key: string, params?: Record<string, string | number>) => translate(locale, `results.export.${key}`, params);
  const jurors = document.jurors.map((j) => ({ id: Number(j.id), name: j.name ?? j.id }));
  const criteria = detail.criteria.filter((c) => c.stageId === stage.id).map((c) => ({ id: c.id, name: c.name }));
  const rows = view.categories.flatMap((c) =>
    c.rows.map((row) => {
      const totals = entryResults.get(row.entryId)?.jurorTotals ?? {};
      return { ...row, category: c.name, jurorTotals: jurors.map((j) => totals[String(j.id)] ?? null) };
    }),
  );
  const rowById = new Map(rows.map((r) => [r.entryId, r]));
  const jurorName = new Map(jurors.map((j) => [j.id, j.name]));
  const criterionName = new Map(criteria.map((c) => [c.id, c.name]));
  const marks = document.marks.map((m) => {
    const row = rowById.get(Number(m.entry))!;
    return {
      entryId: row.entryId,
      code: row.code,
      title: row.title,
      jurorId: Number(m.juror),
      juror: jurorName.get(Number(m.juror)) ?? m.juror,
      criterionId: Number(m.criterion),
      criterion: criterionName.get(Number(m.criterion)) ?? m.criterion,
      value: exactText(m.value),
    };
  });
  const { status } = view;
  return {
    locale,
    title: `${detail.name} — ${stage.name}`,
    status: status.final ? l('statusFinal', { version: status.version!, hash: status.hash! }) : l('statusProvisional'),
    jurors,
    criteria,
    rows,
    marks,
  };
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
/** A plain decimal as a number cell (with as many decimals shown as it has), anything else as text. */
function setDecimal(cell: ExcelJS.Cell, text: string | null): void {
  if (text === null) return;
  if (!PLAIN_DECIMAL.test(text)) {
    cell.value = text;
    return;
  }
  cell.value = Number(text);
  const decimals = text.split('.')[1]?.length ?? 0;
  cell.numFmt = decimals ? `0.${'0'.repeat(decimals)}` : '0';
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ or repeated. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Juri';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function recapHeaders(data: ResultsExport, withJurors: boolean): string[] {
  const l = (key: string) => translate(data.locale, `results.export.${key}`);
  return [l('category'), l('rank'), l('code'), l('title'), l('unit'), ...(withJurors ? data.jurors.map((j) => j.name) : []), l('total'), l('award'), l('grade'), l('tie')];
}

/** Row 1 title, row 2 status, row 4 the column headers (RECAP_HEADER_ROW), entries from row 5. */
export const RECAP_HEADER_ROW = 4;

export async function buildResultsXlsx(data: ResultsExport): Promise<Buffer> {
  const l = (key: string) => translate(data.locale, `results.export.${key}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ruang Juri';
  const used = new Set<string>();

  const recap = workbook.addWorksheet(sheetName(l('sheetRecap'), used), { views: [{ state: 'frozen', ySplit: RECAP_HEADER_ROW }] });
  recap.addRow([data.title]).font = { bold: true, size: 13 };
  recap.addRow([data.status]).font = { bold: true, color: { argb: 'FFB00020' } };
  recap.addRow([]);
  recap.addRow(recapHeaders(data, true)).font = { bold: true };
  const totalColumn = 6 + data.jurors.length;
  for (const row of data.rows) {
    const added = recap.addRow([row.category, row.rank, row.code, row.title, row.unit]);
    row.jurorTotals.forEach((t, i) => setDecimal(added.getCell(6 + i), t));
    setDecimal(added.getCell(totalColumn), row.total);
    added.getCell(totalColumn + 1).value = row.award ?? (row.boundaryTie ? l('undecided') : '');
    added.getCell(totalColumn + 2).value = row.grade ?? '';
    added.getCell(totalColumn + 3).value = row.tied ? l('yes') : '';
  }
  recap.columns.forEach((column, i) => (column.width = i === 3 ? 40 : i === 4 ? 24 : 14));

  // juror → entry → criterion → mark, so a sheet per juror stays linear in the number of marks.
  const byJuror = new Map<number, Map<number, Map<number, string>>>();
  for (const m of data.marks) {
    const entries = byJuror.get(m.jurorId) ?? byJuror.set(m.jurorId, new Map()).get(m.jurorId)!;
    (entries.get(m.entryId) ?? entries.set(m.entryId, new Map()).get(m.entryId)!).set(m.criterionId, m.value);
  }
  data.jurors.forEach((juror, jurorIndex) => {
    const sheet = workbook.addWorksheet(sheetName(juror.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([l('code'), l('title'), ...data.criteria.map((c) => c.name), l('jurorTotal')]).font = { bold: true };
    for (const row of data.rows) {
      const marks = byJuror.get(juror.id)?.get(row.entryId);
      if (!marks) continue;
      const added = sheet.addRow([row.code, row.title]);
      data.criteria.forEach((c, i) => setDecimal(added.getCell(3 + i), marks.get(c.id) ?? null));
      setDecimal(added.getCell(3 + data.criteria.length), row.jurorTotals[jurorIndex]);
    }
    sheet.getColumn(2).width = 40;
  });

  const raw = workbook.addWorksheet(sheetName(l('sheetMarks'), used), { views: [{ state: 'frozen', ySplit: 1 }] });
  raw.addRow([l('code'), l('title'), l('juror'), l('criterion'), l('value')]).font = { bold: true };
  for (const m of data.marks) setDecimal(raw.addRow([m.code, m.title, m.juror, m.criterion]).getCell(5), m.value);
  raw.getColumn(2).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The recap as CSV: UTF-8 with a byte-order mark; `;` and decimal commas in Indonesian, as Excel there expects. */
export function buildResultsCsv(data: ResultsExport): Buffer {
  const l = (key: string) => translate(data.locale, `results.export.${key}`);
  // No thousands separators: a spreadsheet reads "1234,5" as a number, "1.234,5" not everywhere.
  const decimal = (text: string | null) => (text === null ? '' : data.locale === 'id' ? text.replace('.', ',') : text);
  const rows = data.rows.map((row) => [
    row.category,
    row.rank === null ? '' : String(row.rank),
    row.code,
    row.title,
    row.unit,
    decimal(row.total),
    row.award ?? (row.boundaryTie ? l('undecided') : ''),
    row.grade ?? '',
    row.tied ? l('yes') : '',
    data.status,
  ]);
  const csv = Papa.unparse([[...recapHeaders(data, false), l('status')], ...rows], { delimiter: data.locale === 'id' ? ';' : ',', newline: '\r\n' });
  return Buffer.from(`\uFEFF${csv}\r\n`, 'utf8');
}
