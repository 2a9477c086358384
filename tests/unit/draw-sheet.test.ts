import { describe, expect, it } from 'vitest';
import type { ContentTable } from 'pdfmake/interfaces';
import { buildDrawSheetDocument, renderDrawSheetPdf, type DrawSheetInput } from '../../electron/core/documents/draw-sheet';
import { PRINT_TEXT_MAX } from '../../electron/core/documents/text-fit';

const input: DrawSheetInput = {
  competitionName: 'KIPP Kota Palembang 2026',
  stageName: 'Presentasi',
  blockName: 'Hari 1 · Ruang A',
  seed: 123456,
  drawnAt: '2026-11-23T02:00:00.000Z',
  order: [
    { code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan' },
    { code: 'E04', title: 'Info Papa RT', unit: 'Dinas PMD' },
    { code: 'E03', title: 'Salam Rabain', unit: 'RSUD' },
  ],
  signatories: [
    { role: 'Ketua Dewan Juri', name: 'Dr. Ratna Sari' },
    { role: 'Sekretariat', name: '' },
  ],
  locale: 'id',
};

const texts = (node: unknown): string[] =>
  typeof node === 'string' ? [node] : Array.isArray(node) ? node.flatMap(texts) : node && typeof node === 'object' ? Object.values(node).flatMap(texts) : [];

describe('draw sheet definition', () => {
  const doc = buildDrawSheetDocument(input);
  const content = doc.content as unknown[];

  it('is titled as a berita acara and names the competition, block and seed', () => {
    const all = texts(content);
    expect(all[0]).toBe('BERITA ACARA PENGUNDIAN URUTAN PRESENTASI');
    expect(all).toContain('KIPP Kota Palembang 2026');
    expect(all).toContain('Hari 1 · Ruang A');
    expect(all).toContain('123456');
    expect(all.some((t) => t.includes('mulberry32') && t.includes('123456') && t.includes('3 peserta'))).toBe(true);
    expect(all).toContain('Dr. Ratna Sari');
  });

  it('lists the drawn order, numbered from 1', () => {
    const order = content.find((c) => (c as ContentTable).table?.headerRows === 1) as ContentTable;
    expect(order.table.body.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['1', 'E01'],
      ['2', 'E04'],
      ['3', 'E03'],
    ]);
  });

  it('clips a 2,000-character title, so one entry cannot push the order onto further pages', async () => {
    const long = { ...input, order: [{ code: 'E09', title: 'Inovasi '.repeat(250), unit: 'Dinas '.repeat(100) }, ...input.order] };
    const order = (buildDrawSheetDocument(long).content as unknown[]).find((c) => (c as ContentTable).table?.headerRows === 1) as ContentTable;
    const [, , title, unit] = order.table.body[1] as string[];
    expect(title.length).toBeLessThanOrEqual(PRINT_TEXT_MAX + 1);
    expect(title.endsWith('…')).toBe(true);
    expect(unit.endsWith('…')).toBe(true);
    const pages = (await renderDrawSheetPdf(long)).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });

  it('is in English when the competition documents are', () => {
    expect(texts(buildDrawSheetDocument({ ...input, locale: 'en' }).content)[0]).toBe('RECORD OF THE DRAW FOR THE PRESENTATION ORDER');
  });
});
