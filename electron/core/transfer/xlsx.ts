/**
 * Reads the first worksheet of an .xlsx file as text, with exceljs (which also writes every file we
 * hand out). Loading is asynchronous, so it runs in the import handlers' prepare step, before their
 * transaction.
 *
 * Each cell becomes the text people see: shared, inline and rich-text strings joined, formulas as
 * their cached result, booleans as TRUE/FALSE, errors as #N/A …, dates (exceljs tells them by their
 * number format) as YYYY-MM-DD, numbers padded when their format is "000". Only the top-left cell
 * of a merged range keeps the value. Number cells are marked (GridRow.numbers): exceljs hands them
 * over as JavaScript numbers, exactly as Excel keeps them, so an 18-digit NIP typed as a number has
 * already lost its last digits in the file and must be reported, not trusted.
 */
import ExcelJS from 'exceljs';
import { cleanText, MAX_COLUMNS, pushRow, type Grid, type GridRow, type MergedRange } from './grid';

/** The file is a ZIP archive but not a workbook exceljs can read. */
export class XlsxError extends Error {}

/**
 * Worksheet parts a list of names never needs. Data validations matter most: exceljs expands each
 * range cell by cell, so one rule on a whole column (common in government templates) would make a
 * million entries.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'extLst'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "YYYY-MM-DD", with " HH:MM" when it has a time of day (exceljs reads serials as UTC). */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return d.getUTCHours() || d.getUTCMinutes() ? `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : day;
}

/** A format like "000" pads whole numbers with zeros to its width (a code typed as 007). */
function zeroPadOf(numFmt: string | undefined): number {
  const bare = (numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /^0+$/.test(bare) ? bare.length : 0;
}

function numberText(value: number, numFmt: string | undefined): string {
  const width = zeroPadOf(numFmt);
  if (width > 1 && Number.isSafeInteger(value) && value >= 0) return String(value).padStart(width, '0');
  return String(value);
}

interface CellText {
  text: string;
  /** The value is a number (or a formula whose cached result is one). */
  number: boolean;
}
const EMPTY: CellText = { text: '', number: false };

/** A cell's value (or a formula's result) as text; objects are rich text, hyperlinks, errors or formulas. */
function valueText(value: unknown, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { text: numberText(value, numFmt), number: true };
  if (typeof value === 'string') return { text: value, number: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', number: false };
  if (value instanceof Date) return { text: dateText(value), number: false };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return { text: (v.richText as { text?: unknown }[]).map((run) => String(run.text ?? '')).join(''), number: false };
    if (typeof v.error === 'string') return { text: v.error, number: false };
    if ('formula' in v || 'sharedFormula' in v) return valueText(v.result, numFmt);
    if ('hyperlink' in v || 'text' in v) return valueText(v.text, numFmt);
  }
  return EMPTY;
}

/** Loads the workbook; anything exceljs cannot read (a broken archive, no worksheet) is an XlsxError. */
async function firstWorksheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as an ArrayBuffer-like `Buffer` of its own; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0], { ignoreNodes: IGNORED_NODES });
  } catch (error) {
    throw new XlsxError(`exceljs could not load the file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new XlsxError('no worksheet');
  return sheet;
}

export async function readXlsx(bytes: Buffer): Promise<Grid> {
  const sheet = await firstWorksheet(bytes);
  const rows: GridRow[] = [];
  // Merged ranges by their master cell, grown from the slave cells exceljs links to it.
  const merges = new Map<ExcelJS.Cell, MergedRange>();
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    const numbers = new Set<number>();
    row.eachCell((cell, columnNumber) => {
      const column = columnNumber - 1;
      if (cell.type === ExcelJS.ValueType.Merge) {
        // A slave cell: it reads as empty (exceljs would answer with the master's value).
        const master = cell.master as ExcelJS.Cell | undefined;
        if (!master || master === cell) return;
        const range = merges.get(master) ?? { top: Number(master.row), left: Number(master.col) - 1, bottom: Number(master.row), right: Number(master.col) - 1 };
        range.top = Math.min(range.top, rowNumber);
        range.bottom = Math.max(range.bottom, rowNumber);
        range.left = Math.min(range.left, column);
        range.right = Math.max(range.right, column);
        merges.set(master, range);
        return;
      }
      if (column >= MAX_COLUMNS) return;
      const { text, number } = valueText(cell.value, cell.numFmt);
      const clean = cleanText(text);
      if (clean === '') return;
      while (cells.length < column) cells.push('');
      cells[column] = clean;
      if (number) numbers.add(column);
    });
    pushRow(rows, rowNumber, cells, numbers);
  });
  return { rows, merges: [...merges.values()] };
}
