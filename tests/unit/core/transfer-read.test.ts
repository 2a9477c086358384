import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, EncodingError } from '../../../electron/core/transfer/decode';
import { readCsv, readTable, TableError } from '../../../electron/core/transfer/table';
import { readXlsx } from '../../../electron/core/transfer/xlsx';

const utf16 = (text: string, bigEndian: boolean, bom: boolean): Buffer => {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return bigEndian ? le.swap16() : le;
};

describe('text decoding', () => {
  it('follows a byte-order mark, else strict UTF-8, else Windows-1252', () => {
    const text = 'Nama;Peran\r\nAndré Nuñez – “Ketua”;Ketua';
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'UTF-8 BOM' });
    expect(decodeText(utf16(text, false, true))).toEqual({ text, encoding: 'UTF-16LE' });
    expect(decodeText(utf16(text, true, true))).toEqual({ text, encoding: 'UTF-16BE' });
    expect(decodeText(utf16(text, false, false))).toEqual({ text, encoding: 'UTF-16LE' });
    // Windows-1252 bytes: é ñ from Latin-1, and the dash, quotes and euro sign from 0x80–0x9F.
    const cp1252 = Buffer.from([0x41, 0x6e, 0x64, 0x72, 0xe9, 0x20, 0x4e, 0x75, 0xf1, 0x65, 0x7a, 0x20, 0x96, 0x20, 0x93, 0x4b, 0x94, 0x20, 0x80]);
    expect(decodeText(cp1252)).toEqual({ text: 'André Nuñez – “K” €', encoding: 'Windows-1252' });
  });

  it('refuses binary data', () => {
    expect(() => decodeText(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x00, 0x10]))).toThrow(EncodingError);
  });
});

describe('CSV reading', () => {
  it('detects the separator and keeps record numbers across blank lines', () => {
    for (const sep of [',', ';', '\t']) {
      const { grid } = readCsv(['Kode', 'Judul'].join(sep) + '\n\n' + ['A1', '"Judul, dengan; pemisah"'].join(sep) + '\n');
      expect(grid.rows).toEqual([
        { row: 1, cells: ['Kode', 'Judul'] },
        { row: 3, cells: ['A1', 'Judul, dengan; pemisah'] },
      ]);
    }
  });

  it('marks a row whose quote never closes', () => {
    expect(readCsv('Kode,Judul\nA1,"tidak ditutup\n').malformedRows).toEqual([2]);
  });

  it('an empty or blank file is an empty file', async () => {
    await expect(readTable('')).rejects.toThrow(TableError);
    await expect(readTable(Buffer.from('\uFEFF\r\n   \r\n\t\r\n').toString('base64'))).rejects.toThrow(new TableError('import.emptyFile'));
  });
});

describe('XLSX reading', () => {
  it('turns numbers, dates, booleans, formulas and padded codes into text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Kode', 'Tanggal', 'Nilai', 'Aktif', 'Rumus']);
    ws.addRow([7, new Date(Date.UTC(2022, 10, 9)), 85.5, true, { formula: '1+1', result: 2 }]);
    ws.getCell('A2').numFmt = '000';
    ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    ws.getCell('AB2').value = 'jauh di kanan';
    const grid = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grid.rows[1].cells.slice(0, 5)).toEqual(['007', '2022-11-09', '85.5', 'TRUE', '2']);
    expect(grid.rows[1].cells[27]).toBe('jauh di kanan');
    // Number cells, a formula's numeric result included, are marked; dates and text are not.
    expect(grid.rows[1].numbers).toEqual(new Set([0, 2, 4]));
    expect(grid.rows[0].numbers).toBeUndefined();
  });

  it('reads rich text, hyperlinks, errors, text results and a time of day as people see them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Judul', 'Situs', 'Galat', 'Rumus', 'Waktu', 'Teks']);
    ws.addRow([
      { richText: [{ text: 'Salam ', font: { bold: true } }, { text: 'Rabain' }] },
      { text: 'Portal Inovasi', hyperlink: 'https://example.org' },
      { error: '#N/A' },
      { formula: 'A2&"!"', result: 'Salam Rabain!' },
      new Date(Date.UTC(2022, 10, 9, 14, 30)),
      '  0812-7100-0001\r\nkantor  ',
    ]);
    ws.getCell('E2').numFmt = 'yyyy-mm-dd hh:mm';
    // A rule on a whole column, as templates often carry: skipped, not expanded cell by cell.
    const validations = (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
    validations.add('F2:F1048576', { type: 'list', allowBlank: true, formulae: ['"Ketua,Anggota"'] });
    const grid = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grid.rows[1].cells).toEqual(['Salam Rabain', 'Portal Inovasi', '#N/A', 'Salam Rabain!', '2022-11-09 14:30', '0812-7100-0001\nkantor']);
    expect(grid.rows[1].numbers).toBeUndefined();
  });

  it('keeps a merged value in its top-left cell only, and lists the merged ranges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A1').value = 'DAFTAR PESERTA';
    ws.mergeCells('A1:C1');
    ws.getRow(2).values = ['Kategori', 'Judul'];
    ws.getCell('A3').value = 'Kelompok Umum';
    ws.getCell('B3').value = 'Poltabes';
    ws.getCell('B4').value = 'Pangling';
    ws.mergeCells('A3:A4');
    const grid = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grid.rows).toEqual([
      { row: 1, cells: ['DAFTAR PESERTA'] },
      { row: 2, cells: ['Kategori', 'Judul'] },
      { row: 3, cells: ['Kelompok Umum', 'Poltabes'] },
      { row: 4, cells: ['', 'Pangling'] },
    ]);
    expect(grid.merges).toEqual([
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 3, left: 0, bottom: 4, right: 0 },
    ]);
  });

  it('reads only the first worksheet, and blank rows keep their numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Pertama');
    first.getCell('A1').value = 'Nama';
    first.getCell('A4').value = 'Dra. Siti Aisyah Rahmawati';
    wb.addWorksheet('Kedua').getCell('A1').value = 'bukan ini';
    expect((await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).rows).toEqual([
      { row: 1, cells: ['Nama'] },
      { row: 4, cells: ['Dra. Siti Aisyah Rahmawati'] },
    ]);
  });
});
