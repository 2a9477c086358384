/**
 * The official documents as pure pdfmake definitions, from a hand-written model: snapshots of the
 * definitions (dates fixed, so nothing volatile), the words they must contain, and the helpers they
 * rely on (names without titles, document numbers, numbers in Indonesian words).
 */
import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import type { DocumentStamp } from '@shared/documents/stamp';
import { decisionLines, buildBeritaAcaraDocument } from '../../electron/core/documents/berita-acara';
import { buildCertificatesDocument, certificateRecipients } from '../../electron/core/documents/certificates';
import { buildDecreeDocument } from '../../electron/core/documents/decree';
import type { DocumentModel } from '../../electron/core/documents/model';
import { canonicalJson } from '../../electron/core/documents/model';
import { stripAcademicTitles } from '../../electron/core/documents/names';
import { formatDocumentNumber, romanMonth } from '../../electron/core/documents/numbering';
import { documentText, type DocumentFrame } from '../../electron/core/documents/parts';
import { buildRecapDocument } from '../../electron/core/documents/recap';
import { buildScoreSheetsDocument, scoreSheetPages } from '../../electron/core/documents/score-sheets';
import { buildSetupSheetDocument } from '../../electron/core/documents/setup-sheet';
import { dateInWords, indonesianWords } from '../../electron/core/documents/words';

const GENERATED_AT = new Date(2022, 10, 9, 10, 30); // Rabu, 9 November 2022
const t = documentText('id');

const juror = (id: number, name: string, role: 'chair' | 'member' | 'secretary', nip = '') => ({
  id,
  name,
  role,
  title: '',
  nip,
  position: 'Kepala Bidang',
  institution: 'Bappeda',
  hasPin: false,
});
const entry = (id: number, code: string, title: string, unit: string, presenters = '') => ({
  id,
  code,
  title,
  unit,
  categoryId: 1,
  categoryName: 'Kelompok Umum',
  presenters,
  contact: '',
  notes: '',
  status: 'active' as const,
  statusReason: '',
});
const criterion = (id: number, name: string, weightBp: number, position: number) => ({
  id,
  stageId: 5,
  name,
  weightBp,
  effectiveWeightBp: weightBp,
  min: '0',
  max: '100',
  step: '1',
  position,
  description: '',
  aspectId: null,
  aspect: '',
  rubric: [],
});
const totals = (values: (string | null)[]) => values.map((total, i) => ({ jurorId: i + 1, total }));

/**
 * Three entries, three scoring jurors and a secretary. B-02 and C-03 tie at 82,75 (rank 2); juror 3
 * (Andi) submitted nothing; Bambang has a conflict with C-03; version 1 was reopened once.
 */
function model(): DocumentModel {
  const jurors = [juror(1, 'Dr. Siti Rahmawati, M.Si.', 'chair', '197001012000032001'), juror(2, 'Ir. Bambang Hartono', 'member'), juror(3, 'Andi Prasetyo', 'member'), juror(4, 'Rina Kusumawati', 'secretary')];
  const results: DocumentModel['results'] = {
    competitionId: 7,
    competitionName: 'Kompetisi Inovasi Pelayanan Publik Kota Palembang 2022',
    stageName: 'Presentasi dan Wawancara',
    method: { ...DEFAULT_STAGE_METHOD, decimals: 2 },
    jurors: jurors.slice(0, 3),
    categories: [
      {
        categoryId: 1,
        name: 'Kelompok Umum',
        rows: [
          { entryId: 11, code: 'A-01', title: 'Puskesmas Keliling Digital', unit: 'Dinas Kesehatan', rank: 1, total: '85.4', tied: false, submittedCount: 2, jurorTotals: totals(['85.4', '85.4', null]) },
          { entryId: 12, code: 'B-02', title: 'e-Perizinan Satu Pintu', unit: 'DPMPTSP', rank: 2, total: '82.75', tied: true, submittedCount: 2, jurorTotals: totals(['82.5', '83', null]) },
          { entryId: 13, code: 'C-03', title: 'Si-CANTIK', unit: 'Disdukcapil', rank: 2, total: '82.75', tied: true, submittedCount: 1, jurorTotals: totals(['82.75', null, null]) },
        ],
      },
    ],
  };
  return {
    locale: 'id',
    letterhead: { logo: null, institution: 'Pemerintah Kota Palembang', unit: 'Bappeda Litbang', address: 'Jl. Merdeka No. 1, Palembang' },
    competition: { id: 7, name: results.competitionName, place: 'Palembang', startDate: '2022-11-09', endDate: '2022-11-10' },
    stage: { id: 5, name: results.stageName },
    results,
    criteria: [criterion(41, 'Kebaruan', 6000, 0), criterion(42, 'Kemanfaatan', 4000, 1)],
    criterionNames: new Map([
      [41, 'Kebaruan'],
      [42, 'Kemanfaatan'],
    ]),
    jurors,
    entries: [entry(11, 'A-01', 'Puskesmas Keliling Digital', 'Dinas Kesehatan', 'dr. Rina Kusuma, Sp.A; Budi Santoso, S.Kom'), entry(12, 'B-02', 'e-Perizinan Satu Pintu', 'DPMPTSP'), entry(13, 'C-03', 'Si-CANTIK', 'Disdukcapil')],
    sheets: [
      { jurorId: 1, entryId: 11, submitted: true, marks: new Map([[41, 85000], [42, 86000]]), comment: 'Sangat bermanfaat.' },
      { jurorId: 2, entryId: 11, submitted: true, marks: new Map([[41, 86500], [42, 83750]]), comment: '' },
      { jurorId: 2, entryId: 12, submitted: false, marks: new Map([[41, 80000]]), comment: '' },
    ],
    applicable: new Set(['1:11', '1:12', '1:13', '2:11', '2:12', '3:11', '3:12', '3:13']),
    conflicts: [{ id: 1, jurorId: 2, entryId: 13, unit: null, reason: 'keluarga', declaredBy: 'organiser', createdAt: '2022-11-08T00:00:00Z' }],
    awards: new Map([
      [11, 'Juara I'],
      [12, 'Juara II'],
      [13, 'Juara II'],
    ]),
    tieDecisions: [{ category: 'Kelompok Umum', entries: ['A-01 Puskesmas Keliling Digital', 'Z-09 Lain'], reason: 'Nilai Kebaruan lebih tinggi' }],
    overrides: [{ entry: 'C-03 Si-CANTIK', label: '', reason: 'Didiskualifikasi panitia' }],
    reopenings: [{ version: 1, reopenedAt: GENERATED_AT.toISOString(), reason: 'Nilai juri 2 salah ketik' }],
    snapshot: { version: 2, hash: 'c'.repeat(64), finalisedAt: GENERATED_AT.toISOString() },
    setupHash: 'd'.repeat(64),
    signatureImages: new Map(),
    logoUnreadable: false,
  };
}

const stamp = (kind: DocumentStamp['kind'], hash: string | null = 'c'.repeat(64)): DocumentStamp => ({
  kind,
  number: `007/${kind === 'berita-acara' ? 'BA' : 'X'}/RJ/XI/2022`,
  competitionId: 7,
  stageId: 5,
  version: hash ? 2 : 0,
  hash,
});
const frame = (kind: DocumentStamp['kind'], hash?: string | null): DocumentFrame => ({ locale: 'id', generatedAt: GENERATED_AT, letterhead: model().letterhead, stamp: stamp(kind, hash) });

/** All the text of a definition (content, footer of page 1 of 2), whitespace collapsed. */
function textOf(definition: TDocumentDefinitions): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (node === null || node === undefined) return;
    if (typeof node === 'string' || typeof node === 'number') return void out.push(String(node));
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ('text' in o) return walk(o.text);
      if ('qr' in o) return void out.push(`[QR ${o.qr as string}]`);
      for (const key of ['stack', 'columns', 'ul', 'ol', 'table', 'body']) if (key in o) walk(o[key]);
    }
  };
  walk(definition.content);
  if (typeof definition.footer === 'function') walk(definition.footer(1, 2, { width: 595, height: 842, orientation: 'portrait' } as never));
  return out.join(' ').replace(/\s+/g, ' ');
}

describe('document definitions (snapshots with fixed dates)', () => {
  const m = model();
  const definitions: Record<string, TDocumentDefinitions> = {
    recap: buildRecapDocument(m.results, { locale: 'id', generatedAt: GENERATED_AT, letterhead: m.letterhead, stamp: stamp('recap'), awards: m.awards, criterionNames: m.criterionNames }),
    scoreSheets: buildScoreSheetsDocument(m, frame('score-sheets'), scoreSheetPages(m, { jurorId: 1 })),
    beritaAcara: buildBeritaAcaraDocument(m, frame('berita-acara')),
    decree: buildDecreeDocument(m, frame('decree')),
    certificates: buildCertificatesDocument(m, frame('certificates'), certificateRecipients(m)),
    setup: buildSetupSheetDocument(m, frame('setup', 'd'.repeat(64))),
  };
  it.each(Object.keys(definitions))('%s matches its snapshot', (name) => {
    // The PDF dates are the only part that depends on the machine's time zone.
    const { info, ...rest } = definitions[name];
    expect({ ...rest, info: { ...info, creationDate: 'fixed', modDate: 'fixed' } }).toMatchSnapshot();
  });

  it('every document carries its number, the hash in the footer and the same stamp as QR code and PDF keywords', () => {
    for (const [name, definition] of Object.entries(definitions)) {
      const text = textOf(definition);
      expect(text, name).toMatch(/007\/(BA|X)\/RJ\/XI\/2022/);
      expect(text, name).toMatch(/SHA-256 [cd]{64}/);
      expect(text, name).toContain('[QR ruangjuri:verify?v=1');
      expect(text, name).toContain(`[QR ${definition.info?.keywords}]`);
      expect(definition.watermark, name).toBeUndefined();
    }
  });

  it('carries "SEMENTARA" and no hash while the result is provisional', () => {
    const provisional = buildBeritaAcaraDocument(m, frame('berita-acara', null));
    expect(provisional.watermark).toMatchObject({ text: 'SEMENTARA' });
    expect(textOf(provisional)).toContain('SEMENTARA, hasil belum ditetapkan');
    expect(textOf(provisional)).not.toContain('SHA-256');
  });

  it('recap: the award column, the letterhead and the tie rule in words; landscape once awards and 4 jurors meet', () => {
    const text = textOf(definitions.recap);
    expect(text).toContain('PEMERINTAH KOTA PALEMBANG');
    expect(text).toContain('Penghargaan');
    expect(text).toMatch(/A-01 .* 85,40 Juara I/);
    expect(text).toContain('Aturan seri');
    expect(definitions.recap.pageOrientation).toBe('portrait');
    const wide = { ...m.results, jurors: [...m.results.jurors, juror(5, 'Hendra', 'member')] };
    expect(buildRecapDocument(wide, { locale: 'id', generatedAt: GENERATED_AT, awards: m.awards }).pageOrientation).toBe('landscape');
    expect(buildRecapDocument(wide, { locale: 'id', generatedAt: GENERATED_AT }).pageOrientation).toBe('portrait');
    const header = definitions.recap.header as (page: number) => unknown;
    expect(header(1)).toBeNull();
    expect(JSON.stringify(header(2))).toContain('REKAPITULASI NILAI · Kompetisi Inovasi');
  });

  it('score sheets: bobot × skor per criterion, the juror total, the comment, an empty form for a sheet not submitted', () => {
    const pages = scoreSheetPages(m, { jurorId: 2 });
    expect(pages.map((p) => p.entryId)).toEqual([11, 12]); // not C-03: conflicted
    const text = textOf(buildScoreSheetsDocument(m, frame('score-sheets'), pages));
    // 60 % × 86,5 = 51,90 and 40 % × 83,75 = 33,50; the juror total is the engine's 85,40.
    expect(text).toContain('Kebaruan 60% 86,5 51,90');
    expect(text).toContain('Kemanfaatan 40% 83,75 33,50');
    expect(text).toContain('Nilai akhir juri 85,40');
    expect(text).toContain('Lembar ini belum dikirim oleh juri dan tidak dihitung.');
    expect(textOf(definitions.scoreSheets)).toContain('Sangat bermanfaat.');
    expect(textOf(definitions.scoreSheets)).toContain('NIP. 197001012000032001');
  });

  it('Berita Acara: the date spelled out, the jurors present, the result, every decision, the signatures and "Mengetahui"', () => {
    const text = textOf(definitions.beritaAcara);
    expect(text).toContain('Pada hari ini Rabu tanggal sembilan bulan November tahun dua ribu dua puluh dua (9 November 2022), bertempat di Palembang');
    expect(text).toContain('Dr. Siti Rahmawati, M.Si. Kepala Bidang, Bappeda Ketua Dewan Juri');
    expect(text).not.toMatch(/\d Andi Prasetyo/); // absent: not in the list of those present
    expect(text).toContain('Kategori Kelompok Umum: B-02 e-Perizinan Satu Pintu, C-03 Si-CANTIK memperoleh nilai akhir sama (82,75) dan berbagi peringkat 2.');
    expect(text).toContain('Ir. Bambang Hartono tidak menilai C-03 Si-CANTIK karena konflik kepentingan (keluarga).');
    expect(text).toContain('Andi Prasetyo tidak mengirim lembar penilaian pada tahap ini.');
    expect(text).toContain('Hasil versi 1 dibuka kembali pada 9 November 2022 dengan alasan: Nilai juri 2 salah ketik.');
    expect(text).toContain('Demikian Berita Acara ini dibuat dengan sebenarnya');
    expect(text).toContain('Mengetahui, Pejabat yang berwenang');
    expect(text).toContain('Kategori Kelompok Umum: Ketua Dewan Juri menetapkan urutan A-01 Puskesmas Keliling Digital, Z-09 Lain dengan alasan: Nilai Kebaruan lebih tinggi.');
    expect(text).toContain('Ketua Dewan Juri menetapkan penghargaan C-03 Si-CANTIK: tanpa penghargaan, dengan alasan: Didiskualifikasi panitia.');
    expect(decisionLines(m, t)).toHaveLength(6);
  });

  it('decree: the Menimbang / Mengingat / Memutuskan / Menetapkan skeleton and an attachment listing the winners', () => {
    const text = textOf(definitions.decree);
    for (const word of ['DRAF', 'Menimbang', 'Mengingat', 'MEMUTUSKAN:', 'Menetapkan', 'KESATU', 'KEDUA', 'KETIGA', 'Ditetapkan di Palembang', 'LAMPIRAN KEPUTUSAN BAPPEDA LITBANG', 'DAFTAR PEMENANG'])
      expect(text).toContain(word);
    expect(text.indexOf('Puskesmas Keliling Digital')).toBeLessThan(text.indexOf('e-Perizinan Satu Pintu'));
  });

  it('certificates: one landscape page per winner, names without academic titles', () => {
    const definition = definitions.certificates;
    expect(definition.pageOrientation).toBe('landscape');
    expect((definition.content as unknown[]).length).toBe(3);
    const text = textOf(definition);
    expect(text).toContain('Rina Kusuma, Budi Santoso');
    expect(text).toContain('Siti Rahmawati');
    expect(text).not.toMatch(/Dr\.|M\.Si|S\.Kom|Sp\.A|dr\./);
    expect(text).toContain('sebagai Juara I Kelompok Umum');
  });

  it('setup sheet: criteria with weights and scales, the method, jurors, conflicts and the setup hash', () => {
    const text = textOf(definitions.setup);
    expect(text).toContain('Kebaruan 60% 0–100 (langkah 1)');
    expect(text).toContain('Jumlah bobot 100%');
    expect(text).toContain('Nilai akhir = rata-rata nilai tertimbang para juri');
    expect(text).toContain('Rina Kusumawati');
    expect(text).toContain('Ir. Bambang Hartono — C-03 Si-CANTIK (keluarga)');
    expect(text).toContain('d'.repeat(64));
  });

  it('certificate recipients: winners first, participants only when asked, filtered by entry', () => {
    const m2 = { ...model(), awards: new Map([[11, 'Juara I']]) };
    expect(certificateRecipients(m2).map((r) => r.entryId)).toEqual([11]);
    expect(certificateRecipients(m2, { includeParticipants: true }).map((r) => [r.entryId, r.award])).toEqual([
      [11, 'Juara I'],
      [12, null],
      [13, null],
    ]);
    expect(certificateRecipients(m2, { includeParticipants: true, entryIds: [13] }).map((r) => r.entryId)).toEqual([13]);
  });
});

describe('helpers', () => {
  it.each([
    ['Dr. Ratna Sari', 'Ratna Sari'],
    ['Maya Putri, M.Si.', 'Maya Putri'],
    ['Prof. Dr. Ir. H. Ahmad Yani, M.Sc., Ph.D.', 'H. Ahmad Yani'],
    ['dr. Rina Kusuma, Sp.A', 'Rina Kusuma'],
    ['Andi Prasetyo, S.E., M.M.', 'Andi Prasetyo'],
    ['Anita Sari, SE, MM', 'Anita Sari'],
    ['Drs. Bambang Hartono MBA', 'Bambang Hartono'],
    ['Hj. Nurhayati, S.Pd., M.Pd.', 'Hj. Nurhayati'],
    ['Siti Aminah', 'Siti Aminah'],
  ])('stripAcademicTitles(%j) = %j', (name, expected) => {
    expect(stripAcademicTitles(name)).toBe(expected);
  });

  it('numbers documents as NNN/CODE/RJ/<Roman month>/YYYY', () => {
    expect([1, 4, 9, 11, 12].map(romanMonth)).toEqual(['I', 'IV', 'IX', 'XI', 'XII']);
    expect(formatDocumentNumber(7, 'berita-acara', '2026-11-23T02:00:00Z')).toBe('007/BA/RJ/XI/2026');
    expect(formatDocumentNumber(1234, 'certificates', '2027-01-01T00:00:00Z')).toBe('1234/PIAGAM/RJ/I/2027');
    expect(() => romanMonth(13)).toThrow();
  });

  it('spells numbers and dates in Indonesian words', () => {
    expect([0, 9, 11, 15, 21, 100, 111, 1000, 1945, 2022].map(indonesianWords)).toEqual([
      'nol',
      'sembilan',
      'sebelas',
      'lima belas',
      'dua puluh satu',
      'seratus',
      'seratus sebelas',
      'seribu',
      'seribu sembilan ratus empat puluh lima',
      'dua ribu dua puluh dua',
    ]);
    expect(dateInWords(GENERATED_AT, 'id')).toEqual({ weekday: 'Rabu', dayWords: 'sembilan', month: 'November', yearWords: 'dua ribu dua puluh dua' });
  });

  it('hashes the setup canonically: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
