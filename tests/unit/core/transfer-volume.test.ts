/**
 * 10,000 rows: counts are asserted, times are only printed (figures, not pass/fail).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { analyse } from '../../../electron/core/transfer/analyse';
import { readTable } from '../../../electron/core/transfer/table';
import { tempCore } from '../helpers';

const ROWS = 10_000;
const header = ['Kode', 'Judul Inovasi', 'Unit Kerja', 'Kategori', 'Penyaji', 'Kontak', 'Catatan'];
/** Every thousandth row names a category the competition does not have. */
const row = (i: number): string[] => [
  `K-${String(i).padStart(5, '0')}`,
  `Inovasi Pelayanan Publik Nomor ${i}`,
  `Perangkat Daerah ${i % 40}`,
  i % 1000 === 0 ? 'Kelompok Lain' : i % 2 ? 'Kelompok Umum' : 'Kelompok Khusus',
  `Penyaji ${i}`,
  `0812-${String(i).padStart(8, '0')}`,
  '',
];
const bigCsv = (): string => [header, ...Array.from({ length: ROWS }, (_, k) => row(k + 1))].map((r) => r.join(';')).join('\r\n');

async function competition() {
  const { core } = tempCore();
  const c = await core.call(ORGANISER, 'competition.create', {
    name: 'KIPP 2026 (uji volume)',
    categories: [{ name: 'Kelompok Umum' }, { name: 'Kelompok Khusus' }],
    criteria: [{ name: 'Kebaruan', weight: '100' }],
    jurors: [{ name: 'Dr. Ratna Sari', role: 'chair' }],
    entries: [{ code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan', category: 'Kelompok Umum' }],
  });
  return { core, competitionId: c.id };
}

const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  const result = await run();
  console.log(`[transfer] ${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
};

describe('10,000-row files', () => {
  it('a 10,000-row CSV previews with the right counts, then imports the valid rows', async () => {
    const { core, competitionId } = await competition();
    const file = { name: 'peserta-kipp.csv', base64: Buffer.from(bigCsv(), 'utf8').toString('base64') };
    const preview = await time('preview of a 10,000-row CSV', () => core.call(ORGANISER, 'import.preview', { competitionId, kind: 'entries', file }));
    expect(preview).toMatchObject({ totalRows: ROWS, validRows: ROWS - 10 });
    expect(preview.sample).toHaveLength(20);
    expect(preview.problems.map((p) => p.row)).toEqual(Array.from({ length: 10 }, (_, k) => (k + 1) * 1000 + 1));
    expect(new Set(preview.problems.map((p) => p.key))).toEqual(new Set(['import.unknownCategory']));

    const result = await time('commit of 9,990 rows', () =>
      core.call(ORGANISER, 'import.commit', { competitionId, kind: 'entries', file, skipInvalid: true }),
    );
    expect(result).toMatchObject({ imported: ROWS - 10, skipped: 10 });
    expect(result.competition.entries).toHaveLength(ROWS - 10 + 1);
    expect(result.competition.stageEntries).toHaveLength(ROWS - 10 + 1);
  });

  it('reports progress through an optional callback', async () => {
    const table = await readTable(Buffer.from(bigCsv(), 'utf8').toString('base64'));
    const calls: [number, number][] = [];
    const target = { competitionId: 1, categories: [{ id: 1, name: 'Kelompok Umum' }, { id: 2, name: 'Kelompok Khusus' }], existing: [], entryCount: 0 };
    const result = analyse(table, 'entries', target, { locale: 'id', onProgress: (done, total) => calls.push([done, total]) });
    expect(result.validRows).toBe(ROWS - 10);
    expect(calls).toHaveLength(ROWS / 500);
    expect(calls.at(-1)).toEqual([ROWS, ROWS]);
    expect(calls.every(([done], i) => i === 0 || done > calls[i - 1][0])).toBe(true);
  });

  it('a 10,000-row XLSX previews with the right counts', async () => {
    const { core, competitionId } = await competition();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Peserta');
    ws.addRow(header);
    for (let i = 1; i <= ROWS; i++) ws.addRow(row(i));
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await time('preview of a 10,000-row XLSX', () =>
      core.call(ORGANISER, 'import.preview', { competitionId, kind: 'entries', file: { name: 'peserta.xlsx', base64 } }),
    );
    expect(preview).toMatchObject({ totalRows: ROWS, validRows: ROWS - 10, encoding: 'XLSX' });
  });
});
