/** `ruang-juri report`: exit codes, defaults (the only competition, its active stage) and the written PDF. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { main } from '../../../electron/core/cli/main';
import { PASSPHRASE_ENV } from '../../../electron/core/cli/report';
import { tempCore, tempDir, thinDraft } from '../helpers';
import { setUp, submitAll } from './thin-flow-fixture';

const capture = () => {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
};
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

async function scoredDataDir(): Promise<string> {
  const { core, dataDir } = tempCore();
  await submitAll(core, await setUp(core));
  core.close();
  return dataDir;
}

describe('ruang-juri report', () => {
  it.each([
    [['report', '--out', 'x.pdf']],
    [['report', '--kind', 'poster', '--out', 'x.pdf']],
    [['report', '--kind', 'recap']],
    [['report', '--kind', 'recap', '--out', 'x.pdf', '--stage', 'two']],
    [['report', '--kind', 'recap', '--out', 'x.pdf', '--bogus']],
  ])('answers bad usage %j with exit code 2 and the usage text', async (argv) => {
    const { lines, io } = capture();
    expect(await main(argv, io)).toBe(2);
    expect(lines.join('\n')).toContain('report  --kind KIND --out FILE.pdf');
  });

  it('writes the recap of the only competition and prints its pages and number; exit 0', async () => {
    const dataDir = await scoredDataDir();
    const out = join(tempDir(), 'rekap.pdf');
    const { lines, io } = capture();
    expect(await main(['report', '--data', dataDir, '--kind', 'recap', '--out', out], io)).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(lines.join('\n')).toMatch(/: 1 page, number 001\/REKAP\/RJ\/[IVX]+\/\d{4} \(SEMENTARA/);
    if (hasPdftotext) expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('REKAPITULASI NILAI');
  });

  it('asks for --competition when there are several (exit 2), and fails on an empty data folder (exit 1)', async () => {
    const { core, dataDir } = tempCore();
    await core.call(ORGANISER, 'competition.create', thinDraft());
    await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lomba Kedua' });
    core.close();
    const several = capture();
    expect(await main(['report', '--data', dataDir, '--kind', 'setup', '--out', join(tempDir(), 'a.pdf')], several.io)).toBe(2);
    expect(several.lines.join('\n')).toContain('choose one with --competition');
    const chosen = capture();
    const file = join(tempDir(), 'setup.pdf');
    expect(await main(['report', '--data', dataDir, '--competition', '2', '--kind', 'setup', '--out', file], chosen.io)).toBe(0);
    expect(existsSync(file)).toBe(true);

    const empty = capture();
    expect(await main(['report', '--data', tempDir(), '--kind', 'recap', '--out', join(tempDir(), 'b.pdf')], empty.io)).toBe(1);
    expect(empty.lines.join('\n')).toContain('no competition');
  });

  it('--sign signs with the competition certificate, the passphrase read from RUANG_JURI_PASSPHRASE; pdfsig accepts it', async () => {
    const { core, dataDir } = tempCore();
    const fixture = await setUp(core);
    await submitAll(core, fixture);
    await core.call(ORGANISER, 'signing.createCertificate', { competitionId: fixture.competition.id, passphrase: 'rahasia-panitia' });
    core.close();
    const file = join(tempDir(), 'ba-signed.pdf');
    const saved = process.env[PASSPHRASE_ENV];
    process.env[PASSPHRASE_ENV] = 'rahasia-panitia';
    try {
      const { lines, io } = capture();
      expect(await main(['report', '--data', dataDir, '--kind', 'berita-acara', '--out', file, '--sign'], io)).toBe(0);
      expect(lines.join('\n')).toMatch(/, signed\.$/);
    } finally {
      if (saved === undefined) delete process.env[PASSPHRASE_ENV];
      else process.env[PASSPHRASE_ENV] = saved;
    }
    expect(readFileSync(file).toString('latin1')).toContain('/ByteRange');
    const pdfsig = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    if (!pdfsig.error) expect(pdfsig.stdout).toContain('Signature is Valid.');
    // The verify screen reads the same document back: signed, unchanged, our stamp.
    const { core: reader } = tempCore(dataDir);
    const verdict = await reader.call(ORGANISER, 'signing.verify', { base64: readFileSync(file).toString('base64') });
    expect(verdict).toMatchObject({ verdict: 'valid', stamp: { kind: 'berita-acara', number: '001/BA/RJ/XI/2026', version: 0, hash: null } });
  }, 60_000);

  it('exit 1 with the reason for a document that cannot be made, and for --sign while signing is not configured', async () => {
    const dataDir = await scoredDataDir();
    const refused = capture();
    expect(await main(['report', '--data', dataDir, '--kind', 'score-sheets', '--juror', '999', '--out', join(tempDir(), 'c.pdf')], refused.io)).toBe(1);
    expect(refused.lines.join('\n')).toContain('Juri ini tidak menilai pada tahap ini.');
    const signed = capture();
    const file = join(tempDir(), 'ba.pdf');
    expect(await main(['report', '--data', dataDir, '--kind', 'berita-acara', '--out', file, '--sign'], signed.io)).toBe(1);
    expect(signed.lines.join('\n')).toContain('signing not configured');
    expect(existsSync(file)).toBe(true);
  });
});
