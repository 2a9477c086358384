/**
 * Files we hand out: the import templates and the exported lists, as XLSX (exceljs) or CSV
 * (papaparse; UTF-8 with a byte-order mark so Excel shows Indonesian names right, and `;` as the
 * separator in Indonesian because Excel on an Indonesian Windows expects it there).
 * Every column is text-formatted, so a NIP or a code like 001 typed into it stays as written.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CompetitionDetail } from '@shared/domain/schemas';
import type { Locale } from '@shared/i18n';
import { FIELDS, ROLE_LABELS, type ImportKind } from './columns';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';

const SHEET_NAMES: Record<ImportKind, Record<Locale, string>> = {
  entries: { id: 'Peserta', en: 'Entries' },
  jurors: { id: 'Juri', en: 'Jurors' },
};

const GUIDE: Record<Locale, { sheet: string; title: Record<ImportKind, string>; head: string[]; yes: string; no: string; notes: string[] }> = {
  id: {
    sheet: 'Petunjuk',
    title: { entries: 'Petunjuk pengisian daftar peserta', jurors: 'Petunjuk pengisian daftar juri' },
    head: ['Kolom', 'Wajib', 'Keterangan', 'Contoh'],
    yes: 'Ya',
    no: 'Tidak',
    notes: [
      'Isi satu baris untuk setiap orang atau inovasi, mulai baris 2 lembar pertama. Baris contoh boleh ditimpa atau dihapus.',
      'Urutan kolom bebas. Nama kolom boleh dalam bahasa Indonesia atau Inggris (mis. "Nama Inovasi", "OPD", "Kelompok"); judul daftar di atas baris nama kolom boleh ada.',
      'Simpan sebagai .xlsx atau CSV. Sebelum disimpan, aplikasi menampilkan pratinjau dan menandai setiap baris yang salah beserta alasannya.',
    ],
  },
  en: {
    sheet: 'Guide',
    title: { entries: 'How to fill in the list of entries', jurors: 'How to fill in the list of jurors' },
    head: ['Column', 'Required', 'Description', 'Example'],
    yes: 'Yes',
    no: 'No',
    notes: [
      'One row per person or innovation, from row 2 of the first sheet. The example row may be overwritten or deleted.',
      'Columns may come in any order. Headers may be in Indonesian or English (e.g. "Nama Inovasi", "OPD", "Kelompok"); a title above the header row is fine.',
      'Save as .xlsx or CSV. Before anything is saved, the app shows a preview and marks every wrong row with the reason.',
    ],
  },
};

export const headersOf = (kind: ImportKind, locale: Locale): string[] => FIELDS[kind].map((f) => f.label[locale]);
export const exampleRow = (kind: ImportKind, locale: Locale): string[] => FIELDS[kind].map((f) => f.example[locale]);

/** The competition's list in the template's columns and order. */
export function listRows(kind: ImportKind, detail: CompetitionDetail, locale: Locale): string[][] {
  if (kind === 'entries') {
    const categoryName = new Map(detail.categories.map((c) => [c.id, c.name] as const));
    return detail.entries.map((e) => [e.code, e.title, e.unit, categoryName.get(e.categoryId) ?? '', e.presenters, e.contact, e.notes]);
  }
  return detail.jurors.map((j) => [j.name, j.title, j.nip, j.position, j.institution, ROLE_LABELS[j.role][locale]]);
}

export async function buildXlsx(kind: ImportKind, rows: string[][], locale: Locale, withGuide: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ruang Juri';
  const sheet = workbook.addWorksheet(SHEET_NAMES[kind][locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = headersOf(kind, locale);
  sheet.columns = headers.map((header, i) => ({
    header,
    width: Math.min(60, Math.max(header.length + 4, ...rows.slice(0, 200).map((r) => (r[i] ?? '').length + 2), 12)),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  if (withGuide) addGuide(workbook, kind, locale);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addGuide(workbook: ExcelJS.Workbook, kind: ImportKind, locale: Locale): void {
  const text = GUIDE[locale];
  const sheet = workbook.addWorksheet(text.sheet);
  sheet.columns = [{ width: 18 }, { width: 9 }, { width: 80 }, { width: 36 }];
  sheet.addRow([text.title[kind]]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  sheet.addRow(text.head).font = { bold: true };
  for (const f of FIELDS[kind]) {
    sheet.addRow([f.label[locale], f.required ? text.yes : text.no, f.guide[locale], f.example[locale]]);
  }
  sheet.addRow([]);
  for (const note of text.notes) sheet.addRow([note]);
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

export function buildCsv(kind: ImportKind, rows: string[][], locale: Locale): Buffer {
  const csv = Papa.unparse([headersOf(kind, locale), ...rows], { delimiter: locale === 'id' ? ';' : ',', newline: '\r\n' });
  return Buffer.from(`\uFEFF${csv}\r\n`, 'utf8');
}

/** "Kompetisi Inovasi 2026" → "kompetisi-inovasi-2026", for file names. */
export const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'daftar';
