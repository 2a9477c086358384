/**
 * From a read table to a validation report and the rows to insert: finds the header row, maps
 * columns to fields (detected, or as the caller says), and checks every row with the same
 * schemas as the single-row commands (shared/domain/setup.ts), plus what only a list can get
 * wrong: unknown categories and roles, codes or names used twice, NIPs mangled by Excel (turned
 * into E-notation, or kept as a number cell, which cannot hold 18 digits).
 */
import type { z } from 'zod';
import { entryInput, jurorInput, type ImportProblem } from '@shared/domain/setup';
import type { Locale } from '@shared/i18n';
import { issuesFromZod } from '../dispatch';
import { FIELDS, detectMapping, parseRole, type ImportKind, type JurorRole } from './columns';
import type { GridRow, Progress } from './grid';
import { TableError, type Table } from './table';

/** What the checks need to know about the competition. */
export interface ImportTarget {
  competitionId: number;
  categories: readonly { id: number; name: string }[];
  /** Codes of its entries (entries) or names of its jurors (jurors). */
  existing: readonly string[];
  /** How many entries it has: automatic codes continue from here. */
  entryCount: number;
}

export interface EntryRecord {
  row: number;
  code: string;
  title: string;
  unit: string;
  categoryId: number;
  presenters: string;
  contact: string;
  notes: string;
}
export interface JurorRecord {
  row: number;
  name: string;
  title: string;
  nip: string;
  position: string;
  institution: string;
  role: JurorRole;
}

export interface Analysis {
  columns: { index: number; header: string }[];
  mapping: Record<string, number | null>;
  fields: { field: string; required: boolean }[];
  totalRows: number;
  validRows: number;
  sample: Record<string, string>[];
  problems: ImportProblem[];
  encoding: string;
  /** Problems of the whole file (row null): nothing can be imported while one remains. */
  fileProblems: ImportProblem[];
  entries: EntryRecord[];
  jurors: JurorRecord[];
}

export interface AnalyseOptions {
  mapping?: Record<string, number | null>;
  locale: Locale;
  onProgress?: Progress;
}

const HEADER_SEARCH_ROWS = 10;
const SAMPLE_ROWS = 20;
const PROGRESS_EVERY = 500;

/** Names and codes compare as people read them: no case, no surrounding spaces. */
export const sameKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id-ID');
/** How Excel writes a long number it could not keep: 1.98501E+17, or 1,98501E+17 in Indonesian. */
const SCIENTIFIC = /^\d([.,]\d+)?e\+?\d+$/i;
const shown = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/** Entries' category must be mapped unless the competition has exactly one. */
export function requiredFields(kind: ImportKind, categoryCount: number): { field: string; required: boolean }[] {
  return FIELDS[kind].map((f) => ({ field: f.field, required: f.field === 'category' ? categoryCount !== 1 : f.required }));
}

/** The header row: the first of the first rows that names two known columns (or else one). */
function findHeader(kind: ImportKind, rows: readonly GridRow[]): number {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS).map((r) => detectMapping(kind, r.cells).size);
  const two = candidates.findIndex((n) => n >= 2);
  return two >= 0 ? two : candidates.findIndex((n) => n >= 1);
}

/** A value merged down over several data rows (a category written once for a block) fills each row. */
function fillMergedDown(table: Table, dataRows: GridRow[], headerRow: number): void {
  const byRow = new Map(dataRows.map((r) => [r.row, r] as const));
  for (const m of table.grid.merges) {
    if (m.top <= headerRow || m.bottom === m.top) continue;
    const source = byRow.get(m.top);
    const value = source?.cells[m.left];
    if (!value) continue;
    const number = source?.numbers?.has(m.left) === true;
    for (let row = m.top + 1; row <= m.bottom; row++) {
      const target = byRow.get(row);
      if (target && !target.cells[m.left]) {
        while (target.cells.length < m.left) target.cells.push('');
        target.cells[m.left] = value;
        if (number) target.numbers = new Set([...(target.numbers ?? []), m.left]);
      }
    }
  }
}

export function analyse(table: Table, kind: ImportKind, target: ImportTarget, options: AnalyseOptions): Analysis {
  const defs = FIELDS[kind];
  const labelOf = (field: string): string => defs.find((f) => f.field === field)!.label[options.locale];
  const fields = requiredFields(kind, target.categories.length);
  const problems: ImportProblem[] = [];
  const fileProblem = (key: string, params: ImportProblem['params'] = {}, column: string | null = null): void => {
    problems.push({ row: null, column, key, params });
  };

  const rows = table.grid.rows;
  if (rows.length === 0) throw new TableError('import.emptyFile');
  let headerIndex = findHeader(kind, rows);
  const headerFound = headerIndex >= 0;
  if (!headerFound) headerIndex = 0;
  const header = rows[headerIndex];
  const dataRows = rows.slice(headerIndex + 1).map((r) => ({ ...r, cells: [...r.cells] }));
  fillMergedDown(table, dataRows, header.row);
  const width = dataRows.reduce((w, r) => Math.max(w, r.cells.length), header.cells.length);
  const columns = Array.from({ length: width }, (_, index) => ({ index, header: header.cells[index] ?? '' }));

  // Mapping: the caller's choice for the fields it names, detection for the others.
  const detected = headerFound ? detectMapping(kind, header.cells) : new Map<string, number>();
  const given = options.mapping ?? {};
  const known = (field: string): boolean => defs.some((f) => f.field === field);
  const taken = new Set(Object.entries(given).flatMap(([field, c]) => (known(field) && c !== null ? [c] : [])));
  const mapping: Record<string, number | null> = {};
  for (const f of defs) {
    if (f.field in given) mapping[f.field] = given[f.field];
    else {
      const column = detected.get(f.field);
      mapping[f.field] = column !== undefined && !taken.has(column) ? column : null;
    }
  }
  if (!headerFound && !options.mapping) fileProblem('import.noHeader');
  for (const [field, column] of Object.entries(given)) {
    if (!known(field)) fileProblem('import.unknownField', { field });
    else if (column !== null && column >= width) fileProblem('import.columnMissing', { column: column + 1 }, labelOf(field));
  }
  for (const f of fields) {
    if (f.required && mapping[f.field] === null) fileProblem('import.columnNotMapped', { column: labelOf(f.field) }, labelOf(f.field));
  }
  if (kind === 'entries' && target.categories.length === 0) fileProblem('import.noCategories');
  if (dataRows.length === 0 && problems.length === 0) fileProblem('import.noRows');

  const columnName = (field: string): string => {
    const column = mapping[field];
    return (column !== null && column !== undefined ? columns[column]?.header : '') || labelOf(field);
  };
  const valueOf = (r: GridRow, field: string): string => {
    const column = mapping[field];
    return column === null || column === undefined ? '' : (r.cells[column] ?? '');
  };
  const result: Analysis = {
    columns,
    mapping,
    fields,
    totalRows: dataRows.length,
    validRows: 0,
    sample: [],
    problems,
    encoding: table.encoding,
    fileProblems: [],
    entries: [],
    jurors: [],
  };

  const blocked = problems.length > 0;
  const malformed = new Set(table.malformedRows);
  const check = kind === 'entries' ? entryChecker(target, dataRows, valueOf) : jurorChecker(target);
  dataRows.forEach((r, i) => {
    const values = Object.fromEntries(defs.map((f) => [f.field, valueOf(r, f.field)]));
    const rowProblems: ImportProblem[] = [];
    const problem = (field: string | null, key: string, params: ImportProblem['params'] = {}): void => {
      // A required column that is not mapped is reported once for the file, not on every row.
      if (field !== null && mapping[field] === null && fields.some((f) => f.field === field && f.required)) return;
      rowProblems.push({ row: r.row, column: field === null ? null : columnName(field), key, params });
    };
    if (malformed.has(r.row)) problem(null, 'import.malformedRow');
    const isNumber = (field: string): boolean => {
      const column = mapping[field];
      return column !== null && column !== undefined && r.numbers?.has(column) === true;
    };
    const record = check(r.row, values, problem, isNumber);
    if (i < SAMPLE_ROWS) result.sample.push(values);
    if (rowProblems.length === 0 && !blocked && record) {
      result.validRows++;
      if (kind === 'entries') result.entries.push(record as EntryRecord);
      else result.jurors.push(record as JurorRecord);
    }
    problems.push(...rowProblems);
    if (options.onProgress && ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === dataRows.length)) options.onProgress(i + 1, dataRows.length);
  });
  if (dataRows.length === 0) options.onProgress?.(0, 0);
  result.fileProblems = problems.filter((p) => p.row === null);
  return result;
}

type Problem = (field: string | null, key: string, params?: ImportProblem['params']) => void;
/** `isNumber(field)`: the row's cell for that field is a number in the workbook (never in a CSV). */
type Checker = (row: number, values: Record<string, string>, problem: Problem, isNumber: (field: string) => boolean) => EntryRecord | JurorRecord | null;

/** Maps schema issues (field rules: required, too long, NIP …) to problems of the row. */
function schemaProblems<T>(schema: z.ZodType<T>, input: unknown, values: Record<string, string>, problem: Problem, rename: Record<string, string> = {}): T | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of issuesFromZod(parsed.error)) {
    const field = rename[issue.path] ?? issue.path;
    if (field === '') continue;
    problem(field, issue.message, { value: shown(values[field] ?? '') });
  }
  return null;
}

function entryChecker(target: ImportTarget, dataRows: GridRow[], valueOf: (r: GridRow, field: string) => string): Checker {
  const categories = new Map(target.categories.map((c) => [sameKey(c.name), c.id] as const));
  const categoryNames = target.categories.map((c) => c.name).join(', ');
  const onlyCategory = target.categories.length === 1 ? target.categories[0].id : null;
  const existing = new Set(target.existing.map(sameKey));
  // Automatic codes (001, 002 …) continue after the competition's entries and skip every code in use.
  const used = new Set([...existing, ...dataRows.map((r) => sameKey(valueOf(r, 'code'))).filter((c) => c !== '')]);
  let next = target.entryCount + 1;
  const nextCode = (): string => {
    while (used.has(String(next).padStart(3, '0'))) next++;
    const code = String(next++).padStart(3, '0');
    used.add(code);
    return code;
  };
  const firstRowOf = new Map<string, number>();

  return (row, values, problem) => {
    let ok = true;
    let categoryId = onlyCategory;
    if (values.category !== '') {
      categoryId = categories.get(sameKey(values.category)) ?? null;
      if (categoryId === null) {
        problem('category', 'import.unknownCategory', { value: shown(values.category), categories: categoryNames });
        ok = false;
      }
    } else if (categoryId === null && target.categories.length > 1) {
      problem('category', 'validation.required', { value: '' });
      ok = false;
    }
    if (values.code !== '') {
      const key = sameKey(values.code);
      if (existing.has(key)) {
        problem('code', 'import.codeExists', { value: shown(values.code) });
        ok = false;
      } else if (firstRowOf.has(key)) {
        problem('code', 'import.duplicateCode', { value: shown(values.code), firstRow: firstRowOf.get(key)! });
        ok = false;
      } else firstRowOf.set(key, row);
    } else values.code = nextCode();
    const input = { ...values, competitionId: target.competitionId, categoryId: categoryId ?? 1 };
    delete (input as Record<string, unknown>).category;
    const parsed = schemaProblems(entryInput, input, values, problem, { categoryId: '' });
    if (!ok || !parsed || categoryId === null) return null;
    const { code, title, unit, presenters, contact, notes } = parsed;
    return { row, code, title, unit, categoryId, presenters, contact, notes };
  };
}

function jurorChecker(target: ImportTarget): Checker {
  const existing = new Set(target.existing.map(sameKey));
  const firstRowOf = new Map<string, number>();
  return (row, values, problem, isNumber) => {
    let ok = true;
    const role = parseRole(values.role);
    if (role === null) {
      problem('role', 'import.unknownRole', { value: shown(values.role) });
      ok = false;
    }
    let nip = values.nip;
    // Excel keeps a number as a double: a NIP typed as a number has lost digits in the file itself
    // (any 18-digit number above 2^53 is rounded), whatever its cell shows. Only text is trusted.
    if (nip !== '' && isNumber('nip')) {
      problem('nip', 'import.nipAsNumber', { value: shown(values.nip) });
      ok = false;
      nip = '';
    } else if (SCIENTIFIC.test(nip.replace(/\s+/g, ''))) {
      problem('nip', 'import.nipScientific', { value: shown(values.nip) });
      ok = false;
      nip = '';
    }
    if (values.name !== '') {
      const key = sameKey(values.name);
      if (existing.has(key)) {
        problem('name', 'import.nameExists', { value: shown(values.name) });
        ok = false;
      } else if (firstRowOf.has(key)) {
        problem('name', 'import.duplicateName', { value: shown(values.name), firstRow: firstRowOf.get(key)! });
        ok = false;
      } else firstRowOf.set(key, row);
    }
    const input = { ...values, nip, role: role ?? 'member', competitionId: target.competitionId };
    const parsed = schemaProblems(jurorInput, input, values, problem);
    return ok && parsed ? { row, name: parsed.name, title: parsed.title, nip: parsed.nip, position: parsed.position, institution: parsed.institution, role: parsed.role } : null;
  };
}
