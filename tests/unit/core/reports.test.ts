/**
 * documents.render through the core: every official document of the thin flow, read back with
 * pdftotext (and its QR code with jsQR), the document register's numbering, and what changes when
 * the result is finalised and reopened.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import { RENDERABLE_KINDS } from '@shared/api/report-commands';
import { ORGANISER } from '@shared/domain/actor';
import { parseVerifyText } from '@shared/documents/stamp';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { newOpId, tempCore, tempDir } from '../helpers';
import { MARKS, setUp, submitAll } from './thin-flow-fixture';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
const JURORS = Object.keys(MARKS);
// Hand-worked in thin-flow-fixture.ts, in rank order.
const RANKED = [
  ['E02', '85,35'],
  ['E01', '81,50'],
  ['E03', '76,22'],
  ['E04', '73,75'],
];

type Core = ReturnType<typeof tempCore>['core'];

async function render(core: Core, input: CommandInput<'documents.render'>) {
  const out = await core.call(ORGANISER, 'documents.render', input);
  const file = join(tempDir(), out.filename);
  writeFileSync(file, Buffer.from(out.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { out, file, text, flat: text.replace(/\s+/g, ' '), info };
}

/** The QR code on page `page`, decoded (pdftoppm to a PPM, then jsQR). */
function qrText(file: string, page: number): string | null {
  const base = join(tempDir(), 'page');
  execFileSync('pdftoppm', ['-r', '150', '-f', String(page), '-l', String(page), '-singlefile', file, base]);
  const ppm = readFileSync(`${base}.ppm`);
  // P6\n<w> <h>\n255\n<rgb bytes>
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

/** The first verification stamp a QR code on any page carries. */
function stampOnPages(file: string, pages: number) {
  for (let page = 1; page <= pages; page++) {
    const stamp = parseVerifyText(qrText(file, page) ?? '');
    if (stamp) return stamp;
  }
  return null;
}

async function flow() {
  const { core, dataDir } = tempCore();
  const fixture = await setUp(core);
  await submitAll(core, fixture);
  const competitionId = fixture.competition.id;
  await core.call(ORGANISER, 'competition.updateDetails', {
    competitionId,
    name: fixture.competition.name,
    institution: 'Pemerintah Kota Palembang',
    unit: 'Badan Riset dan Inovasi Daerah',
    address: 'Jl. Merdeka No. 1, Palembang',
    place: 'Palembang',
  });
  // Awards as the results page gives them: the usual Juara I–III, Harapan I–III scale.
  const stageId = fixture.competition.stages[0].id;
  const withScale = await core.call(ORGANISER, 'preset.applyGradeScale', { competitionId, presetId: 'award.juara-harapan' });
  const awardScaleId = withScale.gradeScales.find((s) => s.kind === 'award')!.id;
  await core.call(ORGANISER, 'results.setScheme', { competitionId, stageId, awardScaleId, gradeScaleId: null });
  return { core, dataDir, fixture, competitionId, stageId };
}

/** What the finalising work writes (services/finalise.ts): a snapshot row, and its reopening. */
function finalise(dataDir: string, stageId: number, version: number, hash: string) {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.prepare(`INSERT INTO result_snapshots (stage_id, version, body, hash, finalised_by, finalised_at) VALUES (?, ?, '{}', ?, 'organiser', '2026-11-23T03:00:00.000Z')`).run(
    stageId,
    version,
    hash,
  );
  db.close();
}
function reopen(dataDir: string, stageId: number, version: number, reason: string) {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.prepare(`UPDATE result_snapshots SET reopened_by = 'chair', reopened_at = '2026-11-23T04:00:00.000Z', reopen_reason = ? WHERE stage_id = ? AND version = ?`).run(reason, stageId, version);
  db.close();
}

describe.skipIf(!hasPoppler)('documents.render (pdftotext, pdfinfo, jsQR)', () => {
  it('renders every kind, provisional: SEMENTARA, the number, page count, and a QR code naming the same document', async () => {
    const { core, competitionId, stageId } = await flow();
    const numbers = new Set<string>();
    for (const kind of RENDERABLE_KINDS) {
      const { out, file, text, info } = await render(core, { competitionId, kind, includeParticipants: true });
      expect(out.pages, kind).toBe(Number(/Pages:\s+(\d+)/.exec(info)![1]));
      expect(text, kind).toContain(out.number);
      expect(text, kind).toContain('Halaman 1 dari');
      expect(text, kind).toContain('PEMERINTAH KOTA PALEMBANG');
      numbers.add(out.number);
      const stamp = stampOnPages(file, out.pages);
      expect(stamp, kind).toMatchObject({ kind, number: out.number, competitionId, stageId, version: 0 });
      // The same text sits in the PDF's metadata.
      expect(info.replace(/\s+/g, ''), kind).toContain(`Keywords:ruangjuri:verify?v=1&kind=${kind}`);
      if (kind === 'setup') {
        expect(out.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(text).toContain(out.hash!);
        expect(text).not.toContain('SEMENTARA');
      } else {
        expect(out.hash).toBeNull();
        expect(text, kind).toContain('SEMENTARA');
      }
    }
    expect(numbers.size).toBe(RENDERABLE_KINDS.length);
  }, 90_000);

  it('prints the ranked result with Indonesian totals and every juror in the recap and the Berita Acara', async () => {
    const { core, competitionId } = await flow();
    for (const kind of ['recap', 'berita-acara'] as const) {
      const { text } = await render(core, { competitionId, kind });
      const positions = RANKED.map(([code, total]) => {
        const line = text.split('\n').find((l) => l.includes(` ${code} `));
        expect(line, `${kind} ${code}`).toContain(total);
        return text.indexOf(` ${code} `);
      });
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const name of JURORS) expect(text, kind).toContain(name);
      expect(text).toMatch(/E02.*Juara I\b/);
      expect(text).toMatch(/E04.*Harapan I\b/);
      expect(text).toContain('Palembang, 23 November 2026');
    }
    const ba = (await render(core, { competitionId, kind: 'berita-acara' })).flat;
    expect(ba).toContain('Pada hari ini Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam');
    expect(ba).toContain('bertempat di Palembang');
    expect(ba).toContain('Demikian Berita Acara ini dibuat');
    expect(ba).toContain('Mengetahui,');
    expect(ba).toContain('Tidak ada nilai seri, konflik kepentingan');
  }, 60_000);

  it('score sheets: a page per sheet with bobot × skor, the juror total, and the juror signing', async () => {
    const { core, fixture, competitionId } = await flow();
    const chair = fixture.competition.jurors.find((j) => j.name === 'Dr. Ratna Sari')!;
    const { out, text } = await render(core, { competitionId, kind: 'score-sheets', jurorId: chair.id });
    expect(out.pages).toBe(4);
    const first = text.split('\f')[0];
    // E01 for the chair: 80 / 90 / 70 at 40 / 35 / 25 % → 32,00 + 31,50 + 17,50 = 81,00.
    expect(first).toMatch(/Kebaruan\s+40%\s+80\s+32,00/);
    expect(first).toMatch(/Kemanfaatan\s+35%\s+90\s+31,50/);
    expect(first).toMatch(/Nilai akhir juri\s+81,00/);
    expect(first).toContain('Poltabes');
    expect(first).toContain('Penilai,');
    expect(first).toContain('Dr. Ratna Sari');
    expect(text).not.toContain('Ir. Budi Santoso');
    const all = await render(core, { competitionId, kind: 'score-sheets' });
    expect(all.out.pages).toBe(12);
  }, 60_000);

  it("score sheets print the juror's comments: the sheet's and each criterion's", async () => {
    const { core } = tempCore();
    const fixture = await setUp(core);
    const chair = fixture.jurors.get('Dr. Ratna Sari')!;
    await core.call(chair, 'scoring.saveSheet', {
      opId: newOpId(),
      entryId: fixture.entryId('E02'),
      marks: fixture.sheet('E02', MARKS['Dr. Ratna Sari'].E02),
      comment: 'Presentasi jelas dan data lengkap.',
      comments: [{ criterionId: fixture.competition.criteria[1].id, text: 'Manfaat terukur bagi warga.' }],
      submit: true,
    });
    const { flat } = await render(core, { competitionId: fixture.competition.id, kind: 'score-sheets', jurorId: fixture.competition.jurors[0].id, entryIds: [fixture.entryId('E02')] });
    expect(flat).toContain('Presentasi jelas dan data lengkap.');
    expect(flat).toContain('Kemanfaatan: Manfaat terukur bagi warga.');
    expect(flat).not.toContain('belum dikirim');
  }, 60_000);

  it('certificates: winners in rank order without academic titles, in batches with one number', async () => {
    const { core, competitionId } = await flow();
    const whole = await render(core, { competitionId, kind: 'certificates' });
    expect(whole.out).toMatchObject({ count: 4, total: 4, pages: 4 });
    const pages = whole.text.split('\f');
    expect(pages[0]).toContain('Juara I Kelompok Umum');
    expect(pages[0]).toContain('Pangling');
    expect(pages[0]).toContain('Ratna Sari');
    expect(whole.text).not.toContain('Dr. Ratna Sari');
    const batch = await render(core, { competitionId, kind: 'certificates', batch: { offset: 2, limit: 2 } });
    expect(batch.out).toMatchObject({ count: 2, total: 4, pages: 2, number: whole.out.number });
    expect(batch.out.filename).toMatch(/^piagam-.*-3-4-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(batch.text).toContain('Salam Rabain');
    expect(batch.text).not.toContain('Pangling');
  });

  it('after finalising: the hash and version in the footer, no SEMENTARA, a new number; a reopening is recorded and numbered anew', async () => {
    const { core, dataDir, competitionId, stageId } = await flow();
    const provisional = await render(core, { competitionId, kind: 'berita-acara' });
    const v1 = 'a'.repeat(64);
    finalise(dataDir, stageId, 1, v1);
    const final = await render(core, { competitionId, kind: 'berita-acara' });
    expect(final.out).toMatchObject({ version: 1, hash: v1 });
    expect(final.out.number).not.toBe(provisional.out.number);
    expect(final.text).not.toContain('SEMENTARA');
    expect(final.flat).toContain(`versi 1 · SHA-256 ${v1}`);
    expect(stampOnPages(final.file, final.out.pages)).toMatchObject({ version: 1, hash: v1 });

    reopen(dataDir, stageId, 1, 'Salah input nilai juri 2');
    finalise(dataDir, stageId, 2, 'b'.repeat(64));
    const second = await render(core, { competitionId, kind: 'berita-acara' });
    expect(second.out.version).toBe(2);
    expect(second.out.number).not.toBe(final.out.number);
    expect(second.flat).toContain('Hasil versi 1 dibuka kembali pada 23 November 2026 dengan alasan: Salah input nilai juri 2.');
  }, 60_000);

  it('records conflicts and absences among the decisions of the Berita Acara', async () => {
    const { core, fixture, competitionId } = await flow();
    const budi = fixture.competition.jurors.find((j) => j.name === 'Ir. Budi Santoso')!;
    await core.call(ORGANISER, 'conflict.declare', {
      competitionId,
      jurorId: budi.id,
      target: { entryId: fixture.entryId('E03') },
      reason: 'mantan pegawai',
    });
    const { flat } = await render(core, { competitionId, kind: 'berita-acara' });
    expect(flat).toContain('Ir. Budi Santoso tidak menilai E03 Salam Rabain karena konflik kepentingan (mantan pegawai).');
  });
});

describe('the document register', () => {
  it('reuses the number for the same document, numbers each new one in sequence with a Roman month, and audits issues once', async () => {
    const { core, dataDir, competitionId } = await flow();
    const first = await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'recap' });
    const again = await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'recap' });
    const ba = await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'berita-acara' });
    // The core's clock in tests: 23 November 2026.
    expect(first.number).toBe('001/REKAP/RJ/XI/2026');
    expect(again.number).toBe(first.number);
    expect(ba.number).toBe('002/BA/RJ/XI/2026');
    core.close();
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const issued = db.prepare(`SELECT details_json AS details FROM audit_log WHERE action = 'documents.issue' ORDER BY id`).all() as { details: string }[];
    db.close();
    expect(issued.map((row) => JSON.parse(row.details).number)).toEqual(['001/REKAP/RJ/XI/2026', '002/BA/RJ/XI/2026']);
  });

  it('has no certificate to print before the stage has an award list, unless participants are included', async () => {
    const { core } = tempCore();
    const fixture = await setUp(core);
    await submitAll(core, fixture);
    const competitionId = fixture.competition.id;
    await expect(core.call(ORGANISER, 'documents.render', { competitionId, kind: 'certificates' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Belum ada penerima piagam'),
    });
    const participants = await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'certificates', includeParticipants: true });
    expect(participants).toMatchObject({ count: 4, total: 4, pages: 4 });
  }, 60_000);

  it('lets the chair print, refuses jurors, and refuses score sheets of a juror who does not score', async () => {
    const { core, fixture, competitionId } = await flow();
    const juror = fixture.jurors.get('Ir. Budi Santoso')!;
    await expect(core.call(juror, 'documents.render', { competitionId, kind: 'recap' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const chair = fixture.jurors.get('Dr. Ratna Sari')!;
    expect((await core.call(chair, 'documents.render', { competitionId, kind: 'recap' })).pages).toBeGreaterThan(0);
    await expect(core.call(ORGANISER, 'documents.render', { competitionId, kind: 'score-sheets', jurorId: 9999 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Juri ini tidak menilai pada tahap ini.',
    });
  });
});
