import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import type { AppError } from '@shared/api/errors';
import { ORGANISER } from '@shared/domain/actor';
import type { CompetitionDetail } from '@shared/domain/schemas';
import { translate } from '@shared/i18n';
import type { Core } from '../../../electron/core';
import { tempCore } from '../helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import');
const fixture = (name: string) => ({ name, base64: readFileSync(join(FIXTURES, name)).toString('base64') });
const csv = (name: string, text: string) => ({ name, base64: Buffer.from(text, 'utf8').toString('base64') });

/** Two categories as in the fixtures, one entry (E01) and three jurors already there. */
const draft = (name = 'TOP 10 Inovasi Perangkat Daerah Kabupaten Muara Enim 2020'): CommandInput<'competition.create'> => ({
  name,
  categories: [{ name: 'Kelompok Umum' }, { name: 'Kelompok Khusus' }],
  criteria: [{ name: 'Kebaruan', weight: '100' }],
  jurors: [
    { name: 'Dr. Ratna Sari', role: 'chair' },
    { name: 'Ir. Budi Santoso', role: 'member' },
    { name: 'Maya Putri, M.Si.', role: 'member' },
  ],
  entries: [{ code: 'E01', title: 'Inovasi yang sudah terdaftar', unit: 'Bagian Organisasi', category: 'Kelompok Umum' }],
});

async function setup(name?: string): Promise<{ core: Core; competition: CompetitionDetail }> {
  const { core } = tempCore();
  const competition = await core.call(ORGANISER, 'competition.create', draft(name));
  return { core, competition };
}

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the command to be refused');
};

const categoryName = (c: CompetitionDetail, id: number) => c.categories.find((k) => k.id === id)!.name;
const entryRows = (c: CompetitionDetail) =>
  c.entries.map((e) => ({ code: e.code, title: e.title, unit: e.unit, category: categoryName(c, e.categoryId), presenters: e.presenters, contact: e.contact, notes: e.notes }));
/** By name: the comparison does not depend on the order the detail lists jurors in. */
const jurorRows = (c: CompetitionDetail, skip: readonly string[] = []) =>
  c.jurors
    .filter((j) => !skip.includes(j.name))
    .map(({ name, title, nip, position, institution, role }) => ({ name, title, nip, position, institution, role }))
    .sort((a, b) => a.name.localeCompare(b.name));
const DRAFT_JURORS = ['Dr. Ratna Sari', 'Ir. Budi Santoso', 'Maya Putri, M.Si.'];

describe('import: a valid workbook', () => {
  it('maps Indonesian headers automatically and imports every row into the first stage', async () => {
    const { core, competition } = await setup();
    const input = { competitionId: competition.id, kind: 'entries' as const, file: fixture('entries-valid.xlsx') };
    const preview = await core.call(ORGANISER, 'import.preview', input);

    expect(preview.mapping).toEqual({ code: 1, title: 2, unit: 3, category: 4, presenters: 5, contact: 6, notes: 7 });
    expect(preview.columns[0]).toEqual({ index: 0, header: 'No' });
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ totalRows: 10, validRows: 10, encoding: 'XLSX' });
    expect(preview.fields.find((f) => f.field === 'category')).toEqual({ field: 'category', required: true });
    // Rich text and a formula's cached result read as plain text.
    expect(preview.sample[2]).toMatchObject({ code: 'ME-2020-03', title: 'Salam Rabain', category: 'Kelompok Khusus' });
    expect(preview.sample[7].code).toBe('ME-2020-08');
    expect(preview.sample[8].presenters).toBe('Dra. Siti Aisyah Rahmawati');

    const result = await core.call(ORGANISER, 'import.commit', input);
    expect(result).toMatchObject({ imported: 10, skipped: 0 });
    const after = result.competition;
    expect(after.entries).toHaveLength(11);
    const firstStage = after.stages.find((s) => s.position === 0)!;
    const inFirstStage = new Set(after.stageEntries.filter((se) => se.stageId === firstStage.id).map((se) => se.entryId));
    expect(after.entries.every((e) => inFirstStage.has(e.id))).toBe(true);
    const salam = entryRows(after).find((e) => e.code === 'ME-2020-03')!;
    expect(salam).toEqual({
      code: 'ME-2020-03',
      title: 'Salam Rabain',
      unit: 'RSUD H.M. Rabain',
      category: 'Kelompok Khusus',
      presenters: '',
      contact: '0812-7100-0003',
      notes: 'TOP 10 Muara Enim 2020',
    });
    // Imported rows come after the existing entry, in file order.
    expect(after.entries.map((e) => e.code).slice(0, 3)).toEqual(['E01', 'ME-2020-01', 'ME-2020-02']);
  });

  it('tells who is listening that the competition changed', async () => {
    const { core, competition } = await setup();
    const events: string[] = [];
    core.subscribe((push) => events.push(push.event));
    await core.call(ORGANISER, 'import.commit', { competitionId: competition.id, kind: 'entries', file: fixture('entries-valid.xlsx') });
    expect(events).toEqual(['competition.changed']);
  });
});

describe('import: a broken workbook', () => {
  const expected = [
    { row: 3, column: 'Judul Inovasi', key: 'validation.required' },
    { row: 4, column: 'Kategori', key: 'import.unknownCategory' },
    { row: 5, column: 'Kode', key: 'import.duplicateCode' },
    { row: 6, column: 'Judul Inovasi', key: 'validation.tooLong' },
    { row: 8, column: 'Kode', key: 'import.codeExists' },
  ];

  it('reports the row, the column and the reason of every bad row', async () => {
    const { core, competition } = await setup();
    const preview = await core.call(ORGANISER, 'import.preview', { competitionId: competition.id, kind: 'entries', file: fixture('entries-broken.xlsx') });
    expect(preview.problems.map(({ row, column, key }) => ({ row, column, key }))).toEqual(expected);
    expect(preview).toMatchObject({ totalRows: 7, validRows: 2 });
    expect(preview.problems[1].params).toMatchObject({ value: 'Kelompok Replikasi', categories: 'Kelompok Umum, Kelompok Khusus' });
    expect(preview.problems[2].params).toMatchObject({ value: 'B-01', firstRow: 2 });
    // Every key has a message in both languages.
    for (const p of preview.problems) {
      for (const locale of ['id', 'en'] as const) expect(translate(locale, `errors.${p.key}`)).not.toBe(`errors.${p.key}`);
    }
  });

  it('imports nothing while problems remain, and says why', async () => {
    const { core, competition } = await setup();
    const input = { competitionId: competition.id, kind: 'entries' as const, file: fixture('entries-broken.xlsx') };
    const error = await rejection(core.call(ORGANISER, 'import.commit', input));
    expect(error).toMatchObject({ code: 'VALIDATION', key: 'import.hasProblems', params: { rows: 5, problems: 5 } });
    expect(error.issues).toHaveLength(5);
    expect(error.message).toContain('5 baris bermasalah');
    expect(error.message).toContain('baris 3, kolom Judul Inovasi: wajib diisi');
    expect(error.message).toContain('baris 4, kolom Kategori: kategori tidak ada di kompetisi ini');
    const english = await rejection(core.call(ORGANISER, 'import.commit', input, 'en'));
    expect(english.message).toContain('row 5, column Kode: code already used by another row of this file');

    const after = await core.call(ORGANISER, 'competition.get', { competitionId: competition.id });
    expect(after.entries).toHaveLength(competition.entries.length);
    expect(after.stageEntries).toHaveLength(competition.stageEntries.length);
  });

  it('with skipInvalid imports only the good rows', async () => {
    const { core, competition } = await setup();
    const result = await core.call(ORGANISER, 'import.commit', {
      competitionId: competition.id,
      kind: 'entries',
      file: fixture('entries-broken.xlsx'),
      skipInvalid: true,
    });
    expect(result).toMatchObject({ imported: 2, skipped: 5 });
    expect(entryRows(result.competition).map((e) => [e.code, e.title, e.category])).toEqual([
      ['E01', 'Inovasi yang sudah terdaftar', 'Kelompok Umum'],
      ['B-01', 'Poltabes', 'Kelompok Umum'],
      ['B-06', 'Info Papa RT', 'Kelompok Khusus'],
    ]);
  });
});

describe('import: merged cells', () => {
  it('skips a merged title, reads a merged header once, and fills a category merged down a block', async () => {
    const { core, competition } = await setup();
    const input = { competitionId: competition.id, kind: 'entries' as const, file: fixture('entries-merged-header.xlsx') };
    const preview = await core.call(ORGANISER, 'import.preview', input);
    expect(preview.columns.map((c) => c.header)).toEqual(['No', 'Nama Inovasi', 'OPD', 'Kelompok', 'Penyaji', '']);
    expect(preview.mapping).toEqual({ code: null, title: 1, unit: 2, category: 3, presenters: 4, contact: null, notes: null });
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ totalRows: 5, validRows: 5 });
    // The column under the merged header's second half is not mapped to anything.
    expect(preview.sample[0]).toMatchObject({ presenters: 'Camat Plaju', category: 'Kelompok Umum' });
    expect(preview.sample.map((s) => s.category)).toEqual(['Kelompok Umum', 'Kelompok Umum', 'Kelompok Umum', 'Kelompok Khusus', 'Kelompok Khusus']);
    // No code column: codes are numbered after the existing entry.
    expect(preview.sample.map((s) => s.code)).toEqual(['002', '003', '004', '005', '006']);

    const result = await core.call(ORGANISER, 'import.commit', input);
    expect(result.imported).toBe(5);
    expect(entryRows(result.competition).at(-1)).toMatchObject({ code: '006', title: 'Inovasi Pelayanan Diskominfo', category: 'Kelompok Khusus' });
  });
});

describe('import: jurors', () => {
  it('decodes a Windows-1252, semicolon-separated CSV with accented names intact', async () => {
    const { core, competition } = await setup();
    const input = { competitionId: competition.id, kind: 'jurors' as const, file: fixture('jurors-1252.csv') };
    const preview = await core.call(ORGANISER, 'import.preview', input);
    expect(preview.encoding).toBe('Windows-1252');
    expect(preview.problems).toEqual([]);
    expect(preview.mapping).toEqual({ name: 0, title: 1, nip: 2, position: 3, institution: 4, role: 5 });
    expect(preview.sample.map((s) => s.name)).toEqual(['Dra. Siti Aisyah Rahmawati', 'André Setiawan', 'Maria Nuñez Putri', 'Rahmat Hidayat']);
    expect(preview.sample[0].position).toBe('Kepala Bagian Organisasi – Setda');

    const result = await core.call(ORGANISER, 'import.commit', input);
    expect(result.imported).toBe(4);
    expect(jurorRows(result.competition, DRAFT_JURORS)).toEqual([
      { name: 'André Setiawan', title: 'S.T., M.Kom.', nip: '198203152009031004', position: 'Pranata Komputer Ahli Madya', institution: 'Dinas Komunikasi dan Informatika', role: 'member' },
      { name: 'Dra. Siti Aisyah Rahmawati', title: '', nip: '197805122005012003', position: 'Kepala Bagian Organisasi – Setda', institution: 'Pemerintah Kota Palembang', role: 'chair' },
      { name: 'Maria Nuñez Putri', title: 'M.Si.', nip: '', position: 'Dosen Administrasi Publik', institution: 'Universitas Sriwijaya', role: 'member' },
      { name: 'Rahmat Hidayat', title: '', nip: '199001012015031001', position: 'Analis Kebijakan', institution: 'Bagian Organisasi', role: 'secretary' },
    ]);
  });

  it('reports NIPs that are not 18 digits or were turned into E-notation, and unknown roles', async () => {
    const { core, competition } = await setup();
    const input = { competitionId: competition.id, kind: 'jurors' as const, file: fixture('jurors-bad-nip.csv') };
    const preview = await core.call(ORGANISER, 'import.preview', input);
    expect(preview.encoding).toBe('UTF-8 BOM');
    expect(preview.problems.map(({ row, column, key }) => ({ row, column, key }))).toEqual([
      { row: 2, column: 'NIP', key: 'validation.nip' },
      { row: 3, column: 'NIP', key: 'import.nipScientific' },
      { row: 4, column: 'NIP', key: 'validation.nip' },
      { row: 5, column: 'Peran', key: 'import.unknownRole' },
    ]);
    const result = await core.call(ORGANISER, 'import.commit', { ...input, skipInvalid: true });
    expect(jurorRows(result.competition, DRAFT_JURORS).map((j) => [j.name, j.nip, j.role])).toEqual([
      ['Hendra Gunawan', '197805122005012005', 'member'],
      ['Yusuf Effendi', '197805122005012006', 'member'],
    ]);
  });

  it('keeps every digit of a NIP stored as text in XLSX, and reports each NIP stored as a number', async () => {
    const { core, competition } = await setup();
    const input = { competitionId: competition.id, kind: 'jurors' as const, file: fixture('jurors-nip-number.xlsx') };
    const preview = await core.call(ORGANISER, 'import.preview', input);
    expect(preview.sample[0].nip).toBe('197805122005012003');
    // A number cell is a double: even one stored digit for digit (row 3) cannot be trusted.
    expect(preview.problems.map(({ row, column, key }) => ({ row, column, key }))).toEqual([
      { row: 3, column: 'NIP', key: 'import.nipAsNumber' },
      { row: 4, column: 'NIP', key: 'import.nipAsNumber' },
    ]);
    expect(preview).toMatchObject({ totalRows: 3, validRows: 1 });
    for (const locale of ['id', 'en'] as const) expect(translate(locale, 'errors.import.nipAsNumber')).not.toBe('errors.import.nipAsNumber');
    const refused = await rejection(core.call(ORGANISER, 'import.commit', input));
    expect(refused.message).toContain('baris 3, kolom NIP: NIP tersimpan sebagai angka di Excel');
    const result = await core.call(ORGANISER, 'import.commit', { ...input, skipInvalid: true });
    expect(jurorRows(result.competition, DRAFT_JURORS)).toMatchObject([{ name: 'Dra. Siti Aisyah Rahmawati', nip: '197805122005012003', role: 'chair' }]);
  });

  it('reports a NIP typed as a number into a workbook, even one short enough to fit', async () => {
    const { core, competition } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Juri');
    ws.addRow(['Nama', 'NIP', 'Peran']);
    ws.addRow(['Nur Aini', 197805122005012000, 'Anggota']);
    ws.addRow(['Rudi Hartono', 12345, 'Anggota']);
    ws.addRow(['Sari Dewi', '198203152009031004', 'Anggota']);
    const file = { name: 'juri.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
    const preview = await core.call(ORGANISER, 'import.preview', { competitionId: competition.id, kind: 'jurors', file });
    expect(preview.problems.map(({ row, column, key, params }) => ({ row, column, key, value: params.value }))).toEqual([
      { row: 2, column: 'NIP', key: 'import.nipAsNumber', value: '197805122005012000' },
      { row: 3, column: 'NIP', key: 'import.nipAsNumber', value: '12345' },
    ]);
    // The same digits as text in a CSV are plain text: no number there.
    const text = await core.call(ORGANISER, 'import.preview', { competitionId: competition.id, kind: 'jurors', file: csv('juri.csv', 'Nama,NIP\nNur Aini,197805122005012003\n') });
    expect(text.problems).toEqual([]);
  });

  it('refuses a juror whose name is already on the jury or repeated in the file', async () => {
    const { core, competition } = await setup();
    const file = csv('juri.csv', 'Nama,Peran\nDr. Ratna Sari,Anggota\nNur Aini,Anggota\nnur aini,Sekretaris\n');
    const preview = await core.call(ORGANISER, 'import.preview', { competitionId: competition.id, kind: 'jurors', file });
    expect(preview.problems.map(({ row, key }) => ({ row, key }))).toEqual([
      { row: 2, key: 'import.nameExists' },
      { row: 4, key: 'import.duplicateName' },
    ]);
  });
});

describe('import: files that cannot be imported', () => {
  it('an empty file gives a clear, translated message', async () => {
    const { core, competition } = await setup();
    const input = { competitionId: competition.id, kind: 'entries' as const, file: fixture('empty.csv') };
    const preview = await core.call(ORGANISER, 'import.preview', input);
    expect(preview.problems).toEqual([{ row: null, column: null, key: 'import.emptyFile', params: {} }]);
    expect(preview).toMatchObject({ totalRows: 0, validRows: 0, columns: [] });
    const error = await rejection(core.call(ORGANISER, 'import.commit', { ...input, skipInvalid: true }));
    expect(error).toMatchObject({ code: 'VALIDATION', key: 'import.emptyFile' });
    expect(error.message).toBe('Berkas kosong: tidak ada baris untuk diimpor.');
    const english = await rejection(core.call(ORGANISER, 'import.commit', input, 'en'));
    expect(english.message).toBe('The file is empty: there are no rows to import.');
  });

  it('a file without a recognisable header, or with only a header, or with a required column missing', async () => {
    const { core, competition } = await setup();
    const preview = (text: string) => core.call(ORGANISER, 'import.preview', { competitionId: competition.id, kind: 'entries', file: csv('x.csv', text) });
    const keys = async (text: string) => (await preview(text)).problems.map((p) => p.key);
    expect(await keys('a,b,c\n1,2,3\n')).toEqual(['import.noHeader', 'import.columnNotMapped', 'import.columnNotMapped']);
    expect(await keys('Kode,Judul Inovasi,Kategori\n')).toEqual(['import.noRows']);
    const missing = await preview('Kode,Unit Kerja,Kategori\nA1,Dinas,Kelompok Umum\n');
    expect(missing.problems).toEqual([{ row: null, column: 'Judul Inovasi', key: 'import.columnNotMapped', params: { column: 'Judul Inovasi' } }]);
    expect(await keys('\u0000\u0001\u0002garbage\u0000')).toEqual(['import.encoding']);
    expect(await keys('PK\u0003\u0004not really a zip')).toEqual(['import.unreadable']);
  });

  it('a broken workbook is unreadable, an old .xls says so, and nothing is written', async () => {
    const { core, competition } = await setup();
    const keys = async (bytes: Buffer) =>
      (await core.call(ORGANISER, 'import.preview', { competitionId: competition.id, kind: 'entries', file: { name: 'x.xlsx', base64: bytes.toString('base64') } })).problems.map((p) => p.key);
    const valid = readFileSync(join(FIXTURES, 'entries-valid.xlsx'));
    // Cut in half: the archive's directory is gone.
    expect(await keys(valid.subarray(0, valid.length >> 1))).toEqual(['import.unreadable']);
    // Garbled in the middle: the compressed parts no longer inflate.
    const garbled = Buffer.from(valid);
    garbled.fill(0x55, 200, valid.length - 2000);
    expect(await keys(garbled)).toEqual(['import.unreadable']);
    // A workbook without a worksheet.
    expect(await keys(Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()))).toEqual(['import.unreadable']);
    // An OLE compound file (Excel 97–2003) is told apart by its magic bytes.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await keys(ole)).toEqual(['import.oldExcel']);
    const error = await rejection(
      core.call(ORGANISER, 'import.commit', { competitionId: competition.id, kind: 'entries', file: { name: 'x.xlsx', base64: valid.subarray(0, 100).toString('base64') }, skipInvalid: true }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', key: 'import.unreadable' });
    const after = await core.call(ORGANISER, 'competition.get', { competitionId: competition.id });
    expect(after.entries).toHaveLength(competition.entries.length);
  });
});

describe('import: column mapping', () => {
  it('a given mapping overrides detection', async () => {
    const { core, competition } = await setup();
    // The sender put the units under "Judul Inovasi" and the titles under "Unit Kerja".
    const file = csv('tukar.csv', 'Kode;Judul Inovasi;Unit Kerja;Kategori\nX-1;Puskesmas Gandus;Inovasi Gandus Sehat;Kelompok Khusus\n');
    const base = { competitionId: competition.id, kind: 'entries' as const, file };
    expect((await core.call(ORGANISER, 'import.preview', base)).mapping).toMatchObject({ title: 1, unit: 2 });

    const mapped = { ...base, mapping: { title: 2, unit: 1 } };
    const preview = await core.call(ORGANISER, 'import.preview', mapped);
    expect(preview.mapping).toEqual({ code: 0, title: 2, unit: 1, category: 3, presenters: null, contact: null, notes: null });
    expect(preview.sample[0]).toMatchObject({ title: 'Inovasi Gandus Sehat', unit: 'Puskesmas Gandus' });
    const result = await core.call(ORGANISER, 'import.commit', mapped);
    expect(entryRows(result.competition).at(-1)).toMatchObject({ code: 'X-1', title: 'Inovasi Gandus Sehat', unit: 'Puskesmas Gandus' });

    // null unmaps a detected column; an unknown field or a column past the end is a problem.
    const unmapped = await core.call(ORGANISER, 'import.preview', { ...base, mapping: { code: null } });
    expect(unmapped.sample[0].code).toBe('003'); // after E01 and X-1
    const wrong = await core.call(ORGANISER, 'import.preview', { ...base, mapping: { judul: 1, notes: 9 } });
    expect(wrong.problems.filter((p) => p.row === null).map((p) => p.key)).toEqual(['import.unknownField', 'import.columnMissing']);
    expect(wrong.mapping.title).toBe(1);
  });

  it('a file with unknown headers imports once the columns are mapped by hand', async () => {
    const { core, competition } = await setup();
    const file = csv('lain.csv', 'Nomor,Nama Program,Dinas\n7,Sistem Antrean Daring,Dinas Kesehatan\n');
    const input = { competitionId: competition.id, kind: 'entries' as const, file, mapping: { code: 0, title: 1, unit: 2 } };
    const preview = await core.call(ORGANISER, 'import.preview', input);
    // Several categories and none mapped: the category column is required.
    expect(preview.problems).toEqual([{ row: null, column: 'Kategori', key: 'import.columnNotMapped', params: { column: 'Kategori' } }]);
  });
});

describe('templates and exports', () => {
  it('the XLSX template has the Indonesian headers, an example row and a "Petunjuk" sheet', async () => {
    const { core, competition } = await setup();
    const file = await core.call(ORGANISER, 'import.template', { kind: 'entries' });
    expect(file.filename).toBe('peserta-templat.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Peserta', 'Petunjuk']);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, 'Kode', 'Judul Inovasi', 'Unit Kerja', 'Kategori', 'Penyaji', 'Kontak', 'Catatan']);
    expect(wb.worksheets[1].getCell('A1').value).toBe('Petunjuk pengisian daftar peserta');

    // The template imports as it is (its example category exists here).
    const preview = await core.call(ORGANISER, 'import.preview', { competitionId: competition.id, kind: 'entries', file: { name: file.filename, base64: file.base64 } });
    expect(preview).toMatchObject({ totalRows: 1, validRows: 1, problems: [] });

    const jurors = await core.call(ORGANISER, 'import.template', { kind: 'jurors', format: 'csv' });
    const text = Buffer.from(jurors.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFNama;Gelar;NIP;Jabatan;Instansi;Peran\r\n')).toBe(true);
    const english = await core.call(ORGANISER, 'import.template', { kind: 'jurors', format: 'csv' }, 'en');
    expect(Buffer.from(english.base64, 'base64').toString('utf8').startsWith('\uFEFFName,Title,NIP,Position,Institution,Role\r\n')).toBe(true);
  });

  it('export → import into a fresh competition with the same categories gives the same lists (XLSX and CSV, both languages)', async () => {
    const { core, competition } = await setup();
    await core.call(ORGANISER, 'import.commit', { competitionId: competition.id, kind: 'entries', file: fixture('entries-valid.xlsx') });
    await core.call(ORGANISER, 'import.commit', { competitionId: competition.id, kind: 'jurors', file: fixture('jurors-1252.csv') });
    const source = await core.call(ORGANISER, 'competition.get', { competitionId: competition.id });

    const runs = [['xlsx', 'id'], ['csv', 'id'], ['xlsx', 'en'], ['csv', 'en']] as const;
    for (const [format, locale] of runs) {
      // The fresh competition needs one entry and one juror to exist; they stay out of the comparison.
      const fresh = await core.call(ORGANISER, 'competition.create', {
        ...draft(`Salinan ${format} ${locale}`),
        jurors: [{ name: 'Juri Sementara', role: 'member' }],
        entries: [{ code: 'SEMENTARA', title: 'Sementara', unit: '', category: 'Kelompok Khusus' }],
      });
      for (const kind of ['entries', 'jurors'] as const) {
        const exported = await core.call(ORGANISER, 'export.list', { competitionId: competition.id, kind, format }, locale);
        const prefix = { entries: { id: 'peserta', en: 'entries' }, jurors: { id: 'juri', en: 'jurors' } }[kind][locale];
        expect(exported.filename).toBe(`${prefix}-top-10-inovasi-perangkat-daerah-kabupaten-muara-enim-2020.${format}`);
        const result = await core.call(ORGANISER, 'import.commit', { competitionId: fresh.id, kind, file: { name: exported.filename, base64: exported.base64 } });
        expect(result.skipped).toBe(0);
      }
      const copy = await core.call(ORGANISER, 'competition.get', { competitionId: fresh.id });
      expect(entryRows(copy).slice(1)).toEqual(entryRows(source));
      expect(jurorRows(copy, ['Juri Sementara'])).toEqual(jurorRows(source));
    }
  });

  it('the CSV export is UTF-8 with a byte-order mark', async () => {
    const { core, competition } = await setup();
    await core.call(ORGANISER, 'import.commit', { competitionId: competition.id, kind: 'jurors', file: fixture('jurors-1252.csv') });
    const exported = await core.call(ORGANISER, 'export.list', { competitionId: competition.id, kind: 'jurors', format: 'csv' });
    expect(exported.mimeType).toBe('text/csv;charset=utf-8');
    const bytes = Buffer.from(exported.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('André Setiawan;S.T., M.Kom.;198203152009031004;Pranata Komputer Ahli Madya;Dinas Komunikasi dan Informatika;Anggota');
  });
});
