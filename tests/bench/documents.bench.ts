/**
 * `npm run bench documents`: rendering the official documents with pdfmake and the bundled fonts —
 * the recap of 1,000 entries × 7 jurors (goal < 3 s), a Berita Acara of a 40-entry city round
 * (goal < 0.5 s) and 100 certificates (goal < 10 s), each printed with its page count. Figures are
 * printed, never asserted (this machine: 2 cores shared). Signing is benchmarked by the signing work.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import type { DocumentStamp } from '@shared/documents/stamp';
import { buildBeritaAcaraDocument } from '../../electron/core/documents/berita-acara';
import { buildCertificatesDocument, certificateRecipients } from '../../electron/core/documents/certificates';
import type { DocumentModel } from '../../electron/core/documents/model';
import { renderDocument } from '../../electron/core/documents/official';
import type { DocumentFrame } from '../../electron/core/documents/parts';
import { buildRecapDocument } from '../../electron/core/documents/recap';

const JURORS = 7;
const CATEGORIES = ['Kelompok Umum', 'Kelompok Khusus', 'Replikasi'];

/** A stage of `entries` entries scored by 7 jurors: totals descend so every rank is distinct. */
function model(entries: number): DocumentModel {
  const jurors = Array.from({ length: JURORS }, (_, j) => ({
    id: j + 1,
    name: `Juri ${j + 1}, M.Si.`,
    role: j === 0 ? ('chair' as const) : ('member' as const),
    title: '',
    nip: `19700101200003${String(j).padStart(4, '0')}`,
    position: 'Kepala Bidang',
    institution: 'Bappeda',
    hasPin: false,
  }));
  const rows = Array.from({ length: entries }, (_, e) => {
    const total = (9000 - e * 7) / 100;
    return {
      entryId: e + 1,
      code: `E-${String(e + 1).padStart(4, '0')}`,
      title: `Inovasi Pelayanan Publik Nomor ${e + 1}`,
      unit: `Dinas ${['Kesehatan', 'Pendidikan', 'Perhubungan', 'Kependudukan'][e % 4]}`,
      categoryIndex: e % CATEGORIES.length,
      total: total.toFixed(2),
      jurorTotals: jurors.map((j) => ({ jurorId: j.id, total: (total + (j.id - 4) / 10).toFixed(2) })),
    };
  });
  const categories = CATEGORIES.map((name, c) => {
    const own = rows.filter((r) => r.categoryIndex === c);
    return {
      categoryId: c + 1,
      name,
      rows: own.map((r, i) => ({ entryId: r.entryId, code: r.code, title: r.title, unit: r.unit, rank: i + 1, total: r.total, tied: false, submittedCount: JURORS, jurorTotals: r.jurorTotals })),
    };
  });
  const results: DocumentModel['results'] = {
    competitionId: 1,
    competitionName: 'Kompetisi Inovasi Pelayanan Publik 2026',
    stageName: 'Penilaian Proposal',
    method: { ...DEFAULT_STAGE_METHOD, decimals: 2 },
    jurors,
    categories,
  };
  return {
    locale: 'id',
    letterhead: { logo: null, institution: 'Kementerian PANRB', unit: 'Deputi Bidang Pelayanan Publik', address: 'Jl. Jend. Sudirman Kav. 69, Jakarta' },
    competition: { id: 1, name: results.competitionName, place: 'Jakarta', startDate: null, endDate: null },
    stage: { id: 1, name: results.stageName },
    results,
    criteria: [],
    criterionNames: new Map(),
    jurors,
    entries: rows.map((r) => ({ id: r.entryId, code: r.code, title: r.title, unit: r.unit, categoryId: r.categoryIndex + 1, categoryName: CATEGORIES[r.categoryIndex], presenters: 'Dr. Siti Aminah, S.Kom., M.Si.', contact: '', notes: '', status: 'active', statusReason: '' })),
    sheets: [],
    applicable: new Set(),
    conflicts: [],
    // Juara I–III and Harapan I–III per category, as the usual award scale gives them.
    awards: new Map(categories.flatMap((c) => c.rows.filter((r) => r.rank <= 6).map((r) => [r.entryId, ['Juara I', 'Juara II', 'Juara III', 'Harapan I', 'Harapan II', 'Harapan III'][r.rank - 1]]))),
    tieDecisions: [],
    overrides: [],
    reopenings: [],
    snapshot: { version: 1, hash: 'f'.repeat(64), finalisedAt: '2026-11-23T03:00:00.000Z' },
    setupHash: 'e'.repeat(64),
    signatureImages: new Map(),
    logoUnreadable: false,
  };
}

const frame = (kind: DocumentStamp['kind'], m: DocumentModel): DocumentFrame => ({
  locale: 'id',
  generatedAt: new Date('2026-11-23T03:00:00Z'),
  letterhead: m.letterhead,
  stamp: { kind, number: '001/X/RJ/XI/2026', competitionId: 1, stageId: 1, version: 1, hash: m.snapshot!.hash },
});

async function measure(label: string, goalMs: number, build: () => Parameters<typeof renderDocument>[0]): Promise<void> {
  const started = performance.now();
  const { pdf, pages } = await renderDocument(build());
  const ms = performance.now() - started;
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${String(pages).padStart(4)} pages  ${(pdf.length / 1024).toFixed(0).padStart(6)} KiB  (goal < ${goalMs} ms)`);
}

async function run(): Promise<void> {
  // Warm-up: fonts loaded and subset once, as in a running app.
  const small = model(10);
  await renderDocument(buildBeritaAcaraDocument(small, frame('berita-acara', small)));

  const big = model(1000);
  await measure('Rekapitulasi Nilai, 1,000 entries × 7 jurors', 3000, () =>
    buildRecapDocument(big.results, { locale: 'id', generatedAt: new Date('2026-11-23T03:00:00Z'), letterhead: big.letterhead, stamp: frame('recap', big).stamp, awards: big.awards }),
  );
  const city = model(40);
  await measure('Berita Acara, 40 entries', 500, () => buildBeritaAcaraDocument(city, frame('berita-acara', city)));
  const hundred = model(100);
  const recipients = certificateRecipients(hundred, { includeParticipants: true });
  await measure(`Piagam Penghargaan, ${recipients.length} certificates`, 10_000, () => buildCertificatesDocument(hundred, frame('certificates', hundred), recipients));
}

void run();
