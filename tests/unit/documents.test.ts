import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import type { Results, ResultRow } from '@shared/domain/schemas';
import { buildRecapDocument, renderRecapPdf } from '../../electron/core/documents/recap';
import { RESOURCES_ENV, resourcesDir } from '../../electron/core/documents/resources';

// ---------------------------------------------------------------------------------------------
// Fixture, written by hand: 5 entries in one category, 3 jurors. Rows are given OUT of rank order.
//   B-02  rank 1       85.4   (juror totals 85.4, 86.25, 84.55)   → "85,40" needs a padded decimal comma
//   D-04  rank 2 tied  82.75  (juror 3 has not submitted)
//   E-05  rank 2 tied  82.75
//   A-01  rank 4       80
//   C-03  unranked     (nobody submitted)
// ---------------------------------------------------------------------------------------------
const GENERATED_AT = new Date(2022, 10, 9, 10, 30); // Wednesday 9 November 2022, local time

function row(entryId: number, code: string, title: string, unit: string, rank: number | null, total: string | null, tied: boolean, totals: (string | null)[]): ResultRow {
  return {
    entryId,
    code,
    title,
    unit,
    rank,
    total,
    tied,
    submittedCount: totals.filter((value) => value !== null).length,
    jurorTotals: totals.map((value, index) => ({ jurorId: index + 1, total: value })),
  };
}

function fixture(jurorCount = 3): Results {
  const names = ['Dr. Siti Rahmawati', 'Bambang Hartono', 'Andi Prasetyo', 'Rina Kusumawati', 'Hendra Saputra'];
  const pad = (totals: (string | null)[]) => [...totals, ...Array(Math.max(0, jurorCount - totals.length)).fill('81')].slice(0, jurorCount);
  return {
    competitionId: 7,
    competitionName: 'Kompetisi Inovasi Pelayanan Publik Kota Palembang 2024',
    stageName: 'Presentasi dan Wawancara',
    method: { ...DEFAULT_STAGE_METHOD, decimals: 2 },
    jurors: names.slice(0, jurorCount).map((name, index) => ({
      id: index + 1,
      name,
      role: index === 0 ? 'chair' : 'member',
      title: '',
      nip: '',
      position: '',
      institution: '',
      hasPin: false,
    })),
    categories: [
      {
        categoryId: 1,
        name: 'Kelompok Umum',
        rows: [
          row(11, 'A-01', 'Lapor Jalan Rusak', 'Dinas PUPR', 4, '80', false, pad(['80', '79.5', '80.5'])),
          row(13, 'C-03', 'Bank Sampah Pintar', 'Dinas Lingkungan Hidup', null, null, false, pad([null, null, null]).map(() => null)),
          row(14, 'D-04', 'e-Perizinan Satu Pintu', 'DPMPTSP', 2, '82.75', true, pad(['82.5', '83', null])),
          row(12, 'B-02', 'Puskesmas Keliling Digital', 'Dinas Kesehatan', 1, '85.4', false, pad(['85.4', '86.25', '84.55'])),
          row(15, 'E-05', 'Si-CANTIK Antar Dokumen', 'Disdukcapil', 2, '82.75', true, pad(['82', '83.5', '82.75'])),
        ],
      },
    ],
  };
}

// --- helpers that read a pdfmake definition as text -----------------------------------------
function plain(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(plain).join('');
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('text' in o) return plain(o.text);
    return ['stack', 'columns', 'ul', 'ol', 'table']
      .filter((key) => key in o)
      .map((key) => (key === 'table' ? plain((o.table as { body: unknown }).body) : plain(o[key])))
      .join(' ');
  }
  return '';
}

function tables(definition: TDocumentDefinitions): ContentTable[] {
  const found: ContentTable[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if ('table' in o) found.push(o as unknown as ContentTable);
    for (const key of ['stack', 'columns', 'content']) if (key in o) walk(o[key]);
  };
  walk(definition.content);
  return found;
}

/** The category table: the one whose body contains a known entry code. */
function recapTable(definition: TDocumentDefinitions): ContentTable {
  const table = tables(definition).find((t) => t.table.body.some((cells) => cells.some((cell) => plain(cell) === 'B-02')));
  if (!table) throw new Error('recap table not found');
  return table;
}

/** Data rows (after the repeated header rows) as arrays of cell texts. */
function dataRows(definition: TDocumentDefinitions): string[][] {
  const table = recapTable(definition);
  return table.table.body.slice(table.table.headerRows ?? 0).map((cells) => cells.map(plain));
}

const byCode = (rows: string[][], code: string) => {
  const found = rows.find((cells) => cells.includes(code));
  if (!found) throw new Error(`row ${code} missing`);
  return found;
};

function footerText(definition: TDocumentDefinitions, page: number, pages: number): string {
  const footer = definition.footer;
  if (typeof footer !== 'function') throw new Error('footer must be page-dependent');
  return plain(footer(page, pages, { width: 595, height: 842, orientation: 'portrait' } as never));
}

// --- the pure definition -----------------------------------------------------------------------
describe('buildRecapDocument (pure definition)', () => {
  const id = buildRecapDocument(fixture(), { locale: 'id', generatedAt: GENERATED_AT });

  it('lists the entries in rank order, tied ranks together and the unranked entry last', () => {
    expect(dataRows(id).map((cells) => cells[1])).toEqual(['B-02', 'D-04', 'E-05', 'A-01', 'C-03']);
  });

  it('repeats exactly the header rows on each page: the first data row comes right after them', () => {
    const table = recapTable(id);
    const firstData = table.table.body.findIndex((cells) => cells.some((cell) => plain(cell) === 'B-02'));
    expect(table.table.headerRows).toBeGreaterThan(0);
    expect(table.table.headerRows).toBe(firstData);
    const header = table.table.body.slice(0, firstData).flat().map(plain);
    for (const label of ['Kategori: Kelompok Umum', 'Peringkat', 'Kode', 'Inovasi', 'Unit', 'J1', 'J2', 'J3', 'Nilai Akhir'])
      expect(header).toContain(label);
  });

  it('formats every total with a decimal comma and two decimals, and a dash where a juror has not submitted', () => {
    const rows = dataRows(id);
    // Row: rank, code, title, unit, J1, J2, J3, final.
    expect(byCode(rows, 'B-02').slice(4)).toEqual(['85,40', '86,25', '84,55', '85,40']);
    expect(byCode(rows, 'A-01').slice(4)).toEqual(['80,00', '79,50', '80,50', '80,00']);
    expect(byCode(rows, 'D-04').slice(4)).toEqual(['82,50', '83,00', '–', '82,75']);
  });

  it('flags tied ranks and marks the unranked entry as incomplete', () => {
    const rows = dataRows(id);
    expect(byCode(rows, 'D-04')[0]).toMatch(/^2\s*seri$/);
    expect(byCode(rows, 'E-05')[0]).toMatch(/^2\s*seri$/);
    expect(byCode(rows, 'B-02')[0]).toBe('1');
    expect(byCode(rows, 'A-01')[0]).toBe('4');
    const unranked = byCode(rows, 'C-03');
    expect(unranked[0]).not.toMatch(/\d/);
    expect(unranked.at(-1)).toBe('belum lengkap');
  });

  it('states title, competition, stage and method in Indonesian, and ends with the secretariat signature', () => {
    const text = plain(id.content);
    expect(text).toContain('REKAPITULASI NILAI');
    expect(text).toContain('Kompetisi Inovasi Pelayanan Publik Kota Palembang 2024');
    expect(text).toContain('Presentasi dan Wawancara');
    expect(text).toContain('Nilai akhir = rata-rata nilai tertimbang para juri; dibulatkan 2 desimal; peringkat per kategori.');
    expect(text).toContain('Dr. Siti Rahmawati');
    expect(text).toContain('Ketua');
    expect(text).toContain('Sekretariat,');
    expect(text.lastIndexOf('Sekretariat,')).toBeGreaterThan(text.lastIndexOf('C-03'));
    expect(text).toContain('9 November 2022');
  });

  it("states the stage's own method in words: a median with trim, its roundings and a named criterion tie-break", () => {
    const results: Results = {
      ...fixture(),
      method: {
        ...DEFAULT_STAGE_METHOD,
        aggregate: 'median',
        trim: 1,
        minJurors: 3,
        rounding: { aggregate: null, weighted: null, juror: 2, total: 1 },
        tieBreak: ['criterion:41', 'chair'],
        decimals: 1,
      },
    };
    const doc = buildRecapDocument(results, { locale: 'id', generatedAt: GENERATED_AT, criterionNames: new Map([[41, 'Kebaruan']]) });
    const text = plain(doc.content);
    expect(text).toContain(
      'Nilai akhir = median nilai tertimbang para juri setelah membuang 1 nilai tertinggi dan 1 terendah; nilai tiap juri dibulatkan 2 desimal; ' +
        'nilai akhir dibulatkan 1 desimal; paling sedikit 3 juri per peserta; seri dipisahkan oleh nilai Kebaruan, lalu keputusan Ketua Dewan Juri; peringkat per kategori.',
    );
    expect(text).not.toContain('rata-rata');
    expect(byCode(dataRows(doc), 'B-02').at(-1)).toBe('85,4');
  });

  it('prints "Halaman X dari Y" and the printing date in the footer, and a provisional watermark', () => {
    expect(footerText(id, 2, 5)).toContain('Halaman 2 dari 5');
    expect(footerText(id, 2, 5)).toContain('Dicetak: Rabu, 9 November 2022');
    const watermark = id.watermark;
    expect(typeof watermark === 'string' ? watermark : watermark?.text).toBe('SEMENTARA');
  });

  it('turns the page to landscape only when there are more than 4 jurors', () => {
    const orientation = (jurors: number) => buildRecapDocument(fixture(jurors), { locale: 'id', generatedAt: GENERATED_AT }).pageOrientation;
    expect(orientation(3)).toBe('portrait');
    expect(orientation(4)).toBe('portrait');
    expect(orientation(5)).toBe('landscape');
    const five = buildRecapDocument(fixture(5), { locale: 'id', generatedAt: GENERATED_AT });
    expect(byCode(dataRows(five), 'B-02')).toHaveLength(4 + 5 + 1);
  });

  it('uses the English catalog and number format for locale en', () => {
    const en = buildRecapDocument(fixture(), { locale: 'en', generatedAt: GENERATED_AT });
    expect(plain(en.content)).toContain('SCORE RECAPITULATION');
    expect(byCode(dataRows(en), 'B-02').at(-1)).toBe('85.40');
    expect(footerText(en, 1, 3)).toContain('Page 1 of 3');
    expect(footerText(en, 1, 3)).toContain('Wednesday, 9 November 2022');
  });

  it('is pure: it does not change its input and gives the same definition twice', () => {
    const results = fixture();
    const before = JSON.stringify(results);
    const first = buildRecapDocument(results, { locale: 'id', generatedAt: GENERATED_AT });
    const second = buildRecapDocument(results, { locale: 'id', generatedAt: GENERATED_AT });
    expect(JSON.stringify(results)).toBe(before);
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
  });
});

// --- resources -------------------------------------------------------------------------------
describe('resourcesDir', () => {
  const saved = process.env[RESOURCES_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[RESOURCES_ENV];
    else process.env[RESOURCES_ENV] = saved;
  });

  it('finds the bundled fonts from the TypeScript sources', () => {
    delete process.env[RESOURCES_ENV];
    const dir = resourcesDir();
    for (const face of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'])
      expect(existsSync(join(dir, 'fonts', face)), face).toBe(true);
    expect(existsSync(join(dir, 'fonts', 'LICENSE'))).toBe(true);
  });

  it('honours RUANG_JURI_RESOURCES and refuses a folder without fonts', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rj-res-'));
    try {
      process.env[RESOURCES_ENV] = empty;
      expect(() => resourcesDir()).toThrow(/fonts/);
      mkdirSync(join(empty, 'fonts'));
      expect(resourcesDir()).toBe(empty);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

// --- the rendered PDF ------------------------------------------------------------------------
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;
if (!hasPdftotext) console.warn('documents.test: pdftotext (poppler-utils) is not installed; the PDF text checks are skipped.');

describe('renderRecapPdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rj-recap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pdfText = (pdf: Buffer, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    return out.stdout;
  };

  it('renders a PDF with the bundled DejaVu fonts, the same bytes for the same input', async () => {
    const first = await renderRecapPdf(fixture(), { locale: 'id', generatedAt: GENERATED_AT });
    const second = await renderRecapPdf(fixture(), { locale: 'id', generatedAt: GENERATED_AT });
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(first.toString('latin1')).toContain('Ruang Juri');
    expect(first.equals(second)).toBe(true);
  });

  it.skipIf(!hasPdftotext)('shows the entries in rank order with Indonesian labels (pdftotext; skipped when pdftotext is missing)', async () => {
    const text = pdfText(await renderRecapPdf(fixture(), { locale: 'id', generatedAt: GENERATED_AT }), 'recap-id.pdf');
    // "Nilai Akhir" wraps inside its header cell, so its words are checked one by one.
    for (const label of ['REKAPITULASI NILAI', 'Peringkat', 'Kode', 'Inovasi', 'Nilai Juri', 'Akhir', 'Kategori: Kelompok Umum', 'Sekretariat,', 'belum', 'seri'])
      expect(text).toContain(label);
    const pages = Number(/Halaman 1 dari (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text).toContain('Dicetak: Rabu, 9 November 2022');
    expect(text).toMatch(/B-02.*85,40/);
    const positions = ['B-02', 'D-04', 'E-05', 'A-01', 'C-03'].map((code) => text.indexOf(code));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.skipIf(!hasPdftotext)('renders landscape pages for 5 jurors and English labels for locale en', async () => {
    const file = join(dir, 'recap-en.pdf');
    writeFileSync(file, await renderRecapPdf(fixture(5), { locale: 'en', generatedAt: GENERATED_AT }));
    const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
    for (const label of ['SCORE RECAPITULATION', 'Rank', 'Code', 'Final', 'J5', 'Secretariat,']) expect(text).toContain(label);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    if (!info.error) {
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info.stdout);
      expect(size && Number(size[1]) > Number(size[2])).toBe(true);
      expect(info.stdout).toMatch(/Creator:\s+Ruang Juri/);
      expect(info.stdout).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
    }
    expect(text).toMatch(/B-02.*85\.40/);
  });
});
