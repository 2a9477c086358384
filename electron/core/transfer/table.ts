/**
 * An uploaded file (XLSX or CSV, told apart by its bytes, not its name) read into a Grid. Reading
 * a workbook is asynchronous (exceljs): the import handlers do it in their prepare step.
 */
import Papa from 'papaparse';
import { decodeText, EncodingError } from './decode';
import { cleanText, MAX_COLUMNS, pushRow, type Grid, type GridRow } from './grid';
import { readXlsx, XlsxError } from './xlsx';

/** A file that cannot be read at all; `key` names the message under errors.* */
export class TableError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

export interface Table {
  grid: Grid;
  format: 'xlsx' | 'csv';
  /** The text encoding found ("UTF-8", "Windows-1252" …); "XLSX" for a workbook (always Unicode). */
  encoding: string;
  /** CSV rows whose quotes do not close: their cells may be shifted. */
  malformedRows: number[];
}

/** An .xlsx file is a ZIP archive: "PK\3\4". */
const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** An old .xls (BIFF) is an OLE compound file: D0 CF 11 E0 A1 B1 1A E1. */
const isOldExcel = (b: Uint8Array): boolean =>
  b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;

export function readCsv(text: string): { grid: Grid; malformedRows: number[] } {
  // Guess the separator on the first rows without blank lines (they would spoil papaparse's guess),
  // then read every line, blank ones included, so that row numbers match the file.
  const guess = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: 'greedy', preview: 100 });
  const parsed = Papa.parse<string[]>(text, { delimiter: guess.meta.delimiter, skipEmptyLines: false });
  const rows: GridRow[] = [];
  parsed.data.forEach((record, index) => pushRow(rows, index + 1, record.slice(0, MAX_COLUMNS).map((cell) => cleanText(String(cell ?? '')))));
  const malformedRows = [...new Set(parsed.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row! + 1))];
  return { grid: { rows, merges: [] }, malformedRows };
}

export async function readTable(base64: string): Promise<Table> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new TableError('import.emptyFile');
  let table: Table;
  if (isOldExcel(bytes)) {
    throw new TableError('import.oldExcel');
  } else if (isZip(bytes)) {
    try {
      table = { grid: await readXlsx(bytes), format: 'xlsx', encoding: 'XLSX', malformedRows: [] };
    } catch (error) {
      if (error instanceof XlsxError) throw new TableError('import.unreadable');
      throw error;
    }
  } else {
    let decoded;
    try {
      decoded = decodeText(bytes);
    } catch (error) {
      if (error instanceof EncodingError) throw new TableError('import.encoding');
      throw error;
    }
    table = { ...readCsv(decoded.text), format: 'csv', encoding: decoded.encoding };
  }
  if (table.grid.rows.length === 0) throw new TableError('import.emptyFile');
  return table;
}
