/** A spreadsheet read as text: what the column mapping and the row checks work on. */

/** Lists of entries or jurors have a handful of columns; anything past this is ignored. */
export const MAX_COLUMNS = 256;

export interface GridRow {
  /** 1-based row number as the user sees it (the sheet's row, or the CSV record's number). */
  row: number;
  /** Trimmed text per 0-based column; the slave cells of a merged range are empty. */
  cells: string[];
  /**
   * 0-based columns whose cell is a number in the workbook (never set for CSV): a NIP there has
   * already lost digits, since Excel keeps a number as a double (15 significant digits).
   */
  numbers?: ReadonlySet<number>;
}

/** A merged range: 1-based rows, 0-based columns, both ends included. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The rows that hold any text, in order; blank rows are left out but keep their numbers. */
  rows: GridRow[];
  merges: MergedRange[];
}

/** (done, total) while rows are read and checked: lets a caller show progress on big files. */
export type Progress = (done: number, total: number) => void;

/** Cell text as people read it: trimmed, Windows line ends made plain. */
export const cleanText = (value: string): string => value.replace(/\r\n?/g, '\n').trim();

/** Keeps a row only when one of its cells has text. */
export function pushRow(rows: GridRow[], row: number, cells: string[], numbers?: ReadonlySet<number>): void {
  if (cells.some((cell) => cell !== '')) rows.push(numbers && numbers.size > 0 ? { row, cells, numbers } : { row, cells });
}
