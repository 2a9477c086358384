/**
 * documents.render signs what it renders (issue 6): a final document by default when the competition
 * has a certificate, a provisional one only when asked (watermark kept), with the visible line
 * "Ditandatangani secara elektronik oleh NAME, POSITION"; a locked key or an expired certificate is
 * a clear error. Bad input prints gracefully: a broken logo is left out (with a notice), a
 * 2,000-character title stays inside the page in every document that shows titles.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import { RENDERABLE_KINDS } from '@shared/api/report-commands';
import { ORGANISER } from '@shared/domain/actor';
import { tempCore, tempDir } from '../helpers';
import { PASSPHRASE_ENV } from '../../../electron/core/cli/report';
import { hasPdfsig, PASSPHRASE, pdfsigValidation, pkcs12, runCli, withDb, years } from './signing-fixtures';
import { setUp, submitAll } from './thin-flow-fixture';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
const CERT_NAME = 'Badan Siber dan Sandi Negara Uji';
const CERT_ORG = 'Pemerintah Kota Palembang';

type Core = ReturnType<typeof tempCore>['core'];

async function flow(options: { certificate?: { validTo: Date } } = {}) {
  const { core, clock } = tempCore();
  const fixture = await setUp(core);
  await submitAll(core, fixture);
  const competitionId = fixture.competition.id;
  const stageId = fixture.competition.stages[0].id;
  if (options.certificate) {
    const p12 = pkcs12(PASSPHRASE, { validFrom: new Date(clock.now - 86_400_000), validTo: options.certificate.validTo, commonName: CERT_NAME });
    await core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64: p12.toString('base64'), passphrase: PASSPHRASE });
  }
  return { core, clock, fixture, competitionId, stageId };
}

/** What the finalising work writes (services/finalise.ts): a snapshot row. */
const finalise = (core: Core, stageId: number) =>
  withDb(core, (db) =>
    db
      .prepare(`INSERT INTO result_snapshots (stage_id, version, body, hash, finalised_by, finalised_at) VALUES (?, 1, '{}', ?, 'organiser', '2026-11-23T03:00:00.000Z')`)
      .run(stageId, 'f'.repeat(64)),
  );

async function render(core: Core, input: CommandInput<'documents.render'>) {
  const out = await core.call(ORGANISER, 'documents.render', input);
  const file = join(tempDir(), out.filename);
  writeFileSync(file, Buffer.from(out.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { out, file, text, flat: text.replace(/\s+/g, ' ') };
}

const visibleLine = `Ditandatangani secara elektronik oleh ${CERT_NAME}, ${CERT_ORG}`;

describe.skipIf(!hasPoppler || !hasPdfsig)('documents.render signs final documents', () => {
  it('signs every final document by default: pdfsig finds it valid and the visible line names the signer', async () => {
    const { core, competitionId, stageId } = await flow({ certificate: { validTo: years(new Date(), 2) } });
    finalise(core, stageId);
    for (const kind of RENDERABLE_KINDS) {
      const { out, file, flat } = await render(core, { competitionId, kind, includeParticipants: true });
      expect(out.signed, kind).toBe(true);
      expect(pdfsigValidation(file), kind).toBe('Signature is Valid.');
      expect(flat, kind).toContain(visibleLine);
      expect(flat, kind).not.toContain('SEMENTARA');
      if (kind === 'berita-acara') execFileSync('pdftoppm', ['-png', '-r', '50', file, '/tmp/shots/signature-pad-signed-ba']);
    }
    const audit = withDb(core, (db) => db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'documents.signed'`).get() as { n: number });
    expect(audit.n).toBe(RENDERABLE_KINDS.length);
  }, 120_000);

  it('a provisional document is not signed unless asked; asked, it is signed and keeps its SEMENTARA watermark', async () => {
    const { core, competitionId } = await flow({ certificate: { validTo: years(new Date(), 2) } });
    const plain = await render(core, { competitionId, kind: 'recap' });
    expect(plain.out.signed).toBe(false);
    expect(pdfsigValidation(plain.file)).toMatch(/^\(none\)/);
    expect(plain.flat).not.toContain('Ditandatangani secara elektronik');

    const signed = await render(core, { competitionId, kind: 'recap', sign: true });
    expect(signed.out.signed).toBe(true);
    expect(pdfsigValidation(signed.file)).toBe('Signature is Valid.');
    expect(signed.flat).toContain(visibleLine);
    expect(signed.flat).toContain('SEMENTARA');
  }, 60_000);

  it('a final document of a competition without a certificate prints unsigned; asking to sign one fails clearly', async () => {
    const { core, competitionId, stageId } = await flow();
    finalise(core, stageId);
    const { out, flat } = await render(core, { competitionId, kind: 'berita-acara' });
    expect(out.signed).toBe(false);
    expect(flat).not.toContain('Ditandatangani secara elektronik');
    await expect(core.call(ORGANISER, 'documents.render', { competitionId, kind: 'berita-acara', sign: true })).rejects.toMatchObject({
      key: 'signingNoCertificateInstalled',
    });
  }, 60_000);

  it('fails with signingLocked while the key is locked, and signs once signing.unlock was given the passphrase', async () => {
    const { core, competitionId, stageId } = await flow({ certificate: { validTo: years(new Date(), 2) } });
    finalise(core, stageId);
    await core.call(ORGANISER, 'signing.lock', { competitionId });
    await expect(core.call(ORGANISER, 'documents.render', { competitionId, kind: 'decree' })).rejects.toMatchObject({ code: 'LOCKED', key: 'signingLocked' });
    // Asked for explicitly unsigned, it still prints.
    expect((await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'decree', sign: false })).signed).toBe(false);
    await expect(core.call(ORGANISER, 'signing.unlock', { competitionId, passphrase: 'salah-sandi' })).rejects.toMatchObject({ key: 'signingWrongPassphrase' });
    await core.call(ORGANISER, 'signing.unlock', { competitionId, passphrase: PASSPHRASE });
    const { out, file } = await render(core, { competitionId, kind: 'decree' });
    expect(out.signed).toBe(true);
    expect(pdfsigValidation(file)).toBe('Signature is Valid.');
  }, 60_000);

  it('refuses to sign with a certificate that has expired since it was installed', async () => {
    const { core, clock, competitionId, stageId } = await flow({ certificate: { validTo: new Date(Date.parse('2026-11-24T00:00:00Z')) } });
    finalise(core, stageId);
    clock.now = Date.parse('2026-11-25T00:00:00Z');
    await expect(core.call(ORGANISER, 'documents.render', { competitionId, kind: 'recap' })).rejects.toMatchObject({ key: 'signingCertificateExpired' });
  }, 60_000);

  it('prints the English line on an English document', async () => {
    const { core, fixture, competitionId, stageId } = await flow({ certificate: { validTo: years(new Date(), 2) } });
    await core.call(ORGANISER, 'competition.updateDetails', { competitionId, name: fixture.competition.name, documentLocale: 'en' });
    finalise(core, stageId);
    const { flat } = await render(core, { competitionId, kind: 'score-sheets' });
    expect(flat).toContain(`Electronically signed by ${CERT_NAME}, ${CERT_ORG}`);
  }, 60_000);
});

describe.skipIf(!hasPdfsig)('ruang-juri report signs the way the app does', () => {
  it('a final document is signed when the passphrase is in the environment, unsigned without it; a provisional one only with --sign', async () => {
    const { core, stageId } = await flow({ certificate: { validTo: years(new Date(), 2) } });
    const dataDir = core.dataDir;
    // A fresh process, as the CLI is: no key unlocked.
    core.close();
    const report = async (kind: string, extra: string[], passphrase: string | undefined) => {
      const file = join(tempDir(), `${kind}.pdf`);
      const saved = process.env[PASSPHRASE_ENV];
      if (passphrase === undefined) delete process.env[PASSPHRASE_ENV];
      else process.env[PASSPHRASE_ENV] = passphrase;
      try {
        const { code, output } = await runCli(['report', '--data', dataDir, '--kind', kind, '--out', file, ...extra]);
        return { code, output, validation: pdfsigValidation(file) };
      } finally {
        if (saved === undefined) delete process.env[PASSPHRASE_ENV];
        else process.env[PASSPHRASE_ENV] = saved;
      }
    };
    expect(await report('berita-acara', [], PASSPHRASE)).toMatchObject({ code: 0, validation: expect.stringMatching(/^\(none\)/) });
    expect(await report('berita-acara', ['--sign'], PASSPHRASE)).toMatchObject({ code: 0, validation: 'Signature is Valid.' });

    finalise(core, stageId);
    expect(await report('recap', [], PASSPHRASE)).toMatchObject({ code: 0, validation: 'Signature is Valid.' });
    expect(await report('recap', [], undefined)).toMatchObject({ code: 0, validation: expect.stringMatching(/^\(none\)/) });
    const wrong = await report('recap', [], 'salah-sandi');
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('Kata sandi sertifikat salah.');
  }, 90_000);
});

/** Every word's box on every page (pdftotext -bbox), with the page size. */
function wordBoxes(file: string) {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  return pages.flatMap(([, width, height, body]) =>
    [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
      word: m[5],
      pageWidth: Number(width),
      pageHeight: Number(height),
      xMin: Number(m[1]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}

describe.skipIf(!hasPoppler)('bad input prints gracefully', () => {
  it('a corrupt logo is left out with a notice, and the PDF is whole', async () => {
    const { core, competitionId } = await flow();
    const broken = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('truncated IHDR')]).toString('base64')}`;
    withDb(core, (db) => db.prepare('UPDATE competitions SET logo = ?, institution = ? WHERE id = ?').run(broken, 'Pemerintah Kota Palembang', competitionId));
    for (const kind of RENDERABLE_KINDS) {
      const { out, file, text } = await render(core, { competitionId, kind, includeParticipants: true });
      expect(out.notices, kind).toEqual(['Logo kop surat tidak dapat dibaca; dokumen dicetak tanpa logo.']);
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), kind).toMatch(new RegExp(`Pages:\\s+${out.pages}\\b`));
      expect(text, kind).toContain('PEMERINTAH KOTA PALEMBANG');
    }
  }, 90_000);

  it('a 2,000-character entry title wraps or is clipped inside the page in every document, a certificate stays one page', async () => {
    const { core, competitionId, fixture } = await flow();
    const words = Array.from({ length: 400 }, (_, i) => ['Inovasi', 'pelayanan', 'publik', 'terpadu', 'berbasis', 'digital'][i % 6]).join(' ');
    const title = `${'Sistem'.repeat(12)} ${words}`.slice(0, 2000);
    expect(title).toHaveLength(2000);
    withDb(core, (db) => db.prepare('UPDATE entries SET title = ? WHERE id = ?').run(title, fixture.entryId('E02')));
    await core.call(ORGANISER, 'preset.applyGradeScale', { competitionId, presetId: 'award.juara-harapan' }).then(async (withScale) => {
      const awardScaleId = withScale.gradeScales.find((s) => s.kind === 'award')!.id;
      await core.call(ORGANISER, 'results.setScheme', { competitionId, stageId: fixture.competition.stages[0].id, awardScaleId, gradeScaleId: null });
    });
    for (const kind of RENDERABLE_KINDS) {
      const { out, file, flat } = await render(core, { competitionId, kind, includeParticipants: true });
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, `/tmp/shots/signature-pad-long-${kind}`]);
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), kind).toMatch(new RegExp(`Pages:\\s+${out.pages}\\b`));
      // The diagonal SEMENTARA watermark (read letter by letter) may touch the page's corners by design; the text may not.
      for (const word of wordBoxes(file).filter((w) => !/^[SEMNTAR]{1,9}$/.test(w.word))) {
        expect(word.xMin, kind).toBeGreaterThanOrEqual(0);
        expect(word.xMax, `${kind}: "${word.word}" past the right edge`).toBeLessThanOrEqual(word.pageWidth - 20);
        expect(word.yMax, `${kind}: "${word.word}" past the bottom`).toBeLessThanOrEqual(word.pageHeight);
      }
      if (kind !== 'setup' && kind !== 'decree') expect(flat, kind).toContain('…');
      if (kind === 'certificates') expect(out.pages, 'one page per certificate').toBe(out.count);
    }
  }, 120_000);
});
