/**
 * Drawn signatures (issue 6): saved per juror per stage through the core, refused when not a PNG,
 * too large or blank, audited by hash; printed in the Berita Acara (with who has signed) and on the
 * juror's score sheets.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { tempCore, tempDir } from '../helpers';
import { withDb } from './signing-fixtures';
import { setUp, submitAll } from './thin-flow-fixture';

const hasPoppler = spawnSync('pdfimages', ['-v']).error === undefined;

/** A 300 × 100 transparent PNG with a dark diagonal stroke (or nothing, when `ink` is false). */
export function signaturePng(ink = true, size = { width: 300, height: 100 }): string {
  const data = Buffer.alloc(size.width * size.height * 4);
  if (ink)
    for (let x = 20; x < size.width - 20; x++) {
      const y = Math.round(20 + ((size.height - 40) * (x - 20)) / (size.width - 40));
      for (let dy = -1; dy <= 1; dy++) data.set([16, 33, 58, 255], ((y + dy) * size.width + x) * 4);
    }
  return `data:image/png;base64,${PNG.sync.write({ ...size, data }).toString('base64')}`;
}

const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.split(',')[1], 'base64');

async function scoredFlow() {
  const { core } = tempCore();
  const fixture = await setUp(core);
  await submitAll(core, fixture);
  const competitionId = fixture.competition.id;
  const stageId = fixture.competition.stages[0].id;
  const jurorIds = new Map(fixture.competition.jurors.map((j) => [j.name, j.id]));
  return { core, fixture, competitionId, stageId, jurorIds };
}

describe('drawn signatures', () => {
  it('a juror saves their own signature for the active stage; it reads back the same and the audit holds its hash, not the image', async () => {
    const { core, fixture, competitionId, stageId, jurorIds } = await scoredFlow();
    const ratna = fixture.jurors.get('Dr. Ratna Sari')!;
    const dataUrl = signaturePng();
    const saved = await core.call(ratna, 'signatures.save', { competitionId, dataUrl });
    const sha256 = createHash('sha256').update(bytesOf(dataUrl)).digest('hex');
    // Ratna chairs the jury: her device acts as the chair.
    expect(saved).toMatchObject({ stageId, jurorId: jurorIds.get('Dr. Ratna Sari'), sha256, drawnBy: `chair:${jurorIds.get('Dr. Ratna Sari')}` });

    expect((await core.call(ratna, 'signatures.get', { competitionId })).signature?.dataUrl).toBe(dataUrl);
    // A juror device cannot reach another juror's signature: jurorId is its own, whatever it asks.
    const budiId = jurorIds.get('Ir. Budi Santoso')!;
    expect((await core.call(ratna, 'signatures.get', { competitionId, jurorId: budiId })).signature?.jurorId).toBe(jurorIds.get('Dr. Ratna Sari'));
    expect((await core.call(ORGANISER, 'signatures.get', { competitionId, jurorId: budiId })).signature).toBeNull();

    const audit = withDb(core, (db) => db.prepare(`SELECT details_json AS details FROM audit_log WHERE action = 'signatures.drawn'`).all() as { details: string }[]);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({ sha256, stageId });
    expect(audit[0].details).not.toContain(dataUrl.slice(30, 80));
  });

  it('the organiser captures a juror’s signature on the laptop, replaces it, lists it and removes it', async () => {
    const { core, competitionId, stageId, jurorIds } = await scoredFlow();
    const jurorId = jurorIds.get('Maya Putri, M.Si.')!;
    await expect(core.call(ORGANISER, 'signatures.save', { competitionId, dataUrl: signaturePng() })).rejects.toMatchObject({ key: 'signatureJurorRequired' });
    await core.call(ORGANISER, 'signatures.save', { competitionId, stageId, jurorId, dataUrl: signaturePng() });
    const second = signaturePng(true, { width: 240, height: 80 });
    await core.call(ORGANISER, 'signatures.save', { competitionId, stageId, jurorId, dataUrl: second });
    const list = await core.call(ORGANISER, 'signatures.list', { competitionId });
    expect(list.signatures.map((s) => [s.jurorId, s.drawnBy])).toEqual([[jurorId, 'organiser']]);
    expect((await core.call(ORGANISER, 'signatures.get', { competitionId, jurorId })).signature?.dataUrl).toBe(second);
    expect(await core.call(ORGANISER, 'signatures.remove', { competitionId, jurorId })).toEqual({ removed: true });
    expect((await core.call(ORGANISER, 'signatures.list', { competitionId })).signatures).toEqual([]);
  });

  it('refuses what is not a PNG, a blank drawing, an image over 200 KB, and a juror of another competition', async () => {
    const { core, competitionId, jurorIds } = await scoredFlow();
    const jurorId = jurorIds.get('Dr. Ratna Sari')!;
    const save = (dataUrl: string, id = jurorId) => core.call(ORGANISER, 'signatures.save', { competitionId, jurorId: id, dataUrl });
    await expect(save('data:image/jpeg;base64,/9j/4AAQ')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(save(`data:image/png;base64,${Buffer.from('GIF89a not a png at all').toString('base64')}`)).rejects.toMatchObject({ key: 'signatureNotPng' });
    await expect(save(signaturePng(false))).rejects.toMatchObject({ key: 'signatureEmpty' });
    // Random pixels do not compress: well over 200 KB.
    const noise = { width: 300, height: 200, data: randomBytes(300 * 200 * 4) };
    const big = `data:image/png;base64,${PNG.sync.write(noise).toString('base64')}`;
    expect(bytesOf(big).length).toBeGreaterThan(200 * 1024);
    await expect(save(big)).rejects.toMatchObject({ key: 'signatureTooLarge' });
    await expect(save(signaturePng(), 999)).rejects.toMatchObject({ key: 'signatureJurorNotFound' });
    expect((await core.call(ORGANISER, 'signatures.list', { competitionId })).signatures).toEqual([]);
  });
});

describe.skipIf(!hasPoppler)('drawn signatures in the documents (pdfimages, pdftotext)', () => {
  const write = (base64: string, name: string) => {
    const file = join(tempDir(), name);
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return file;
  };
  /** Image rows of `pdfimages -list` (after its two header lines), the page number first. */
  const images = (file: string) =>
    execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => line.trim().split(/\s+/));

  it('the Berita Acara carries each drawn signature and says who has signed', async () => {
    const { core, fixture, competitionId } = await scoredFlow();
    const before = await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'berita-acara' });
    const beforeFile = write(before.base64, 'ba-before.pdf');
    const imagesBefore = images(beforeFile).length;
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', beforeFile, '-'], { encoding: 'utf8' })).toContain('Sudah menandatangani: 0 dari 3');

    for (const name of ['Dr. Ratna Sari', 'Ir. Budi Santoso']) await core.call(fixture.jurors.get(name)!, 'signatures.save', { competitionId, dataUrl: signaturePng() });
    const after = await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'berita-acara' });
    const file = write(after.base64, 'ba-after.pdf');
    // Each signature is an RGB image with its transparency as a soft mask: two rows per signature in pdfimages.
    const added = images(file).slice(imagesBefore);
    expect(added.filter((row) => row[2] === 'image')).toHaveLength(2);
    expect(added.filter((row) => row[2] === 'smask')).toHaveLength(2);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Sudah menandatangani: 2 dari 3');
    expect(text.match(/✓ sudah/g)).toHaveLength(2);
    expect(text.match(/— belum/g)).toHaveLength(1);
    execFileSync('pdftoppm', ['-png', '-r', '50', file, '/tmp/shots/signature-pad-ba']);
  }, 60_000);

  it('a juror’s score sheets carry their signature on every page, other jurors’ none', async () => {
    const { core, fixture, competitionId, jurorIds } = await scoredFlow();
    await core.call(fixture.jurors.get('Dr. Ratna Sari')!, 'signatures.save', { competitionId, dataUrl: signaturePng() });
    const own = await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'score-sheets', jurorId: jurorIds.get('Dr. Ratna Sari') });
    const other = await core.call(ORGANISER, 'documents.render', { competitionId, kind: 'score-sheets', jurorId: jurorIds.get('Ir. Budi Santoso') });
    const ownFile = write(own.base64, 'sheets-own.pdf');
    const signedPages = new Set(images(ownFile).filter((row) => row[2] === 'image' && Number(row[3]) === 300).map((row) => row[0]));
    expect(signedPages.size).toBe(own.pages);
    expect(images(write(other.base64, 'sheets-other.pdf')).filter((row) => row[2] === 'image' && Number(row[3]) === 300)).toEqual([]);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', ownFile, '/tmp/shots/signature-pad-sheet']);
  }, 60_000);
});
