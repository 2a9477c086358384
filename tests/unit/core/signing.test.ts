import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { encodeVerifyText } from '@shared/documents/stamp';
import { createCore } from '../../../electron/core';
import { tempCore, tempDir, thinDraft } from '../helpers';
import { competition, failure } from './setup-fixtures';
import { PASSPHRASE, hasOpenssl, hasPdfsig, opensslPkcs12, pdfsigValidation, pkcs12, runCli, signWithCore, stampFor, stampedPdf, withDb, writeTemp, years } from './signing-fixtures';

const NOW = new Date('2026-11-23T02:00:00Z');

async function withCreatedCertificate() {
  const setup = await competition();
  const certificate = await setup.core.call(ORGANISER, 'signing.createCertificate', { competitionId: setup.competitionId, passphrase: PASSPHRASE });
  return { ...setup, certificate };
}

/** Flips one bit of the byte `offset` bytes after the first occurrence of `marker`. */
function tamper(pdf: Buffer, marker: string, offset: number): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf(marker) + offset;
  expect(at).toBeGreaterThan(offset);
  copy[at] ^= 0x01;
  return copy;
}

describe('signing certificates', () => {
  it('creates a 2-year RSA certificate for the competition, unlocked for this run, and logs it without the passphrase', async () => {
    const { core, competitionId, detail, certificate } = await withCreatedCertificate();
    expect(certificate.commonName).toBe(`Panitia ${detail.name}`);
    expect(certificate.selfSigned).toBe(true);
    expect(certificate.unlocked).toBe(true);
    expect(Date.parse(certificate.notAfter) - Date.parse(certificate.notBefore)).toBeGreaterThan(729 * 86_400_000);
    expect(await core.call(ORGANISER, 'signing.certificate', { competitionId })).toEqual(certificate);
    const audit = withDb(core, (db) => db.prepare("SELECT details_json FROM audit_log WHERE action = 'signing.certificateCreated'").all() as { details_json: string }[]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details_json).toContain(certificate.fingerprint);
    expect(audit.map((a) => a.details_json).join()).not.toContain(PASSPHRASE);
  });

  it('refuses a passphrase shorter than 8 characters for a new certificate', async () => {
    const { core, competitionId } = await competition();
    const error = await failure(() => core.call(ORGANISER, 'signing.createCertificate', { competitionId, passphrase: 'pendek' }));
    expect(error.key).toBe('signingPassphraseTooShort');
  });

  it('imports a PKCS#12 file only with its passphrase and shows its subject, issuer and validity', async () => {
    const { core, competitionId } = await competition();
    const file = pkcs12('sandi-bsre', { validFrom: years(NOW, -1), validTo: years(NOW, 1) });
    const p12Base64 = file.toString('base64');
    const wrong = await failure(() => core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64, passphrase: 'salah' }));
    expect(wrong.key).toBe('signingWrongPassphrase');
    expect(await core.call(ORGANISER, 'signing.certificate', { competitionId })).toBeNull();

    const imported = await core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64, passphrase: 'sandi-bsre' });
    expect(imported).toMatchObject({ source: 'imported', commonName: 'Badan Siber dan Sandi Negara Uji', organization: 'Pemerintah Kota Palembang' });
    expect(imported.issuer).toContain('CN=Badan Siber dan Sandi Negara Uji');
    expect(imported.notAfter.slice(0, 10)).toBe('2027-11-23');
    // The stored file is the imported one: a document signed with it names that certificate.
    const signed = await signWithCore(core, competitionId, await stampedPdf(stampFor(competitionId)));
    const verified = await core.call(ORGANISER, 'signing.verify', { base64: signed.toString('base64') });
    expect(verified.signer?.fingerprint).toBe(imported.fingerprint);
    expect(verified.verdict).toBe('valid');
  });

  it.each([
    ['an expired certificate', { validFrom: years(NOW, -3), validTo: years(NOW, -1) }, 'signingCertificateExpired'],
    ['a certificate not valid yet', { validFrom: years(NOW, 1), validTo: years(NOW, 2) }, 'signingCertificateNotYetValid'],
    ['a certificate for encryption only', { validFrom: years(NOW, -1), validTo: years(NOW, 1), keyUsage: { keyEncipherment: true } }, 'signingCertificateCannotSign'],
  ])('refuses %s', async (_name, options, key) => {
    const { core, competitionId } = await competition();
    const p12Base64 = pkcs12('sandi', options).toString('base64');
    const error = await failure(() => core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64, passphrase: 'sandi' }));
    expect(error.key).toBe(key);
  });

  it.skipIf(!hasOpenssl)('imports a PKCS#12 file as OpenSSL 3 writes it (AES-256) and signs with it', async () => {
    const { core, clock } = tempCore();
    const competitionId = (await core.call(ORGANISER, 'competition.create', thinDraft())).id;
    clock.now = Date.now() + 60_000; // OpenSSL's certificate starts now, on the real clock
    const p12Base64 = opensslPkcs12('sandi-openssl').toString('base64');
    expect((await failure(() => core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64, passphrase: 'salah' }))).key).toBe('signingWrongPassphrase');
    const imported = await core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64, passphrase: 'sandi-openssl' });
    expect(imported.subject).toBe('CN=Sertifikat Uji OpenSSL, O=Balai Sertifikasi Elektronik Uji, C=ID');
    const signed = await signWithCore(core, competitionId, await stampedPdf(stampFor(competitionId)));
    expect((await core.call(ORGANISER, 'signing.verify', { base64: signed.toString('base64') })).verdict).toBe('valid');
  });

  it.skipIf(!hasOpenssl)('refuses a certificate with an elliptic-curve key, which it cannot sign with', async () => {
    const { core, competitionId } = await competition();
    const p12Base64 = opensslPkcs12('sandi-ec', 'ec').toString('base64');
    expect((await failure(() => core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64, passphrase: 'sandi-ec' }))).key).toBe('signingUnsupportedKey');
  });

  it('refuses a file that is not PKCS#12', async () => {
    const { core, competitionId } = await competition();
    const p12Base64 = Buffer.from('bukan sertifikat').toString('base64');
    const error = await failure(() => core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64, passphrase: 'x' }));
    expect(error.key).toBe('signingNotPkcs12');
  });

  it('forgets the passphrase when the app restarts: signing then needs it, and unlock remembers it again', async () => {
    const { core, competitionId, dataDir } = await (async () => {
      const { core, dataDir } = tempCore();
      const detail = await core.call(ORGANISER, 'competition.create', thinDraft());
      await core.call(ORGANISER, 'signing.createCertificate', { competitionId: detail.id, passphrase: PASSPHRASE });
      return { core, competitionId: detail.id, dataDir };
    })();
    core.close();
    const restarted = createCore({ dataDir, now: () => NOW.getTime() });
    try {
      const pdf = await stampedPdf(stampFor(competitionId));
      expect((await restarted.call(ORGANISER, 'signing.certificate', { competitionId }))?.unlocked).toBe(false);
      expect((await failure(() => signWithCore(restarted, competitionId, pdf))).key).toBe('signingLocked');
      expect((await failure(() => signWithCore(restarted, competitionId, pdf, 'tebakan-salah'))).key).toBe('signingWrongPassphrase');
      expect((await restarted.call(ORGANISER, 'signing.unlock', { competitionId, passphrase: PASSPHRASE })).unlocked).toBe(true);
      const signed = await signWithCore(restarted, competitionId, pdf);
      expect((await restarted.call(ORGANISER, 'signing.verify', { base64: signed.toString('base64') })).verdict).toBe('valid');
      await restarted.call(ORGANISER, 'signing.lock', { competitionId });
      expect((await failure(() => signWithCore(restarted, competitionId, pdf))).key).toBe('signingLocked');
    } finally {
      restarted.close();
    }
  });

  it('refuses to sign once the certificate has expired', async () => {
    const { core, clock } = tempCore();
    const competitionId = (await core.call(ORGANISER, 'competition.create', thinDraft())).id;
    const p12Base64 = pkcs12('sandi-lama', { validFrom: years(NOW, -1), validTo: years(NOW, 1) }).toString('base64');
    await core.call(ORGANISER, 'signing.importCertificate', { competitionId, p12Base64, passphrase: 'sandi-lama' });
    clock.now = years(NOW, 1).getTime() + 86_400_000;
    const error = await failure(async () => signWithCore(core, competitionId, await stampedPdf(stampFor(competitionId))));
    expect(error).toMatchObject({ key: 'signingCertificateExpired', params: { date: '2027-11-23' } });
  });

  it('still recognises documents signed with a removed certificate, and signs no more with it', async () => {
    const { core, competitionId, certificate } = await withCreatedCertificate();
    const signed = await signWithCore(core, competitionId, await stampedPdf(stampFor(competitionId)));
    await core.call(ORGANISER, 'signing.removeCertificate', { competitionId });
    expect(withDb(core, (db) => db.prepare('SELECT p12 FROM signing_certificates WHERE fingerprint = ?').get(certificate.fingerprint))).toEqual({ p12: null });
    const verified = await core.call(ORGANISER, 'signing.verify', { base64: signed.toString('base64') });
    expect(verified.certificateKnown).toBe(true);
    expect((await failure(() => signWithCore(core, competitionId, signed))).key).toBe('signingNoCertificateInstalled');
  });
});

describe('signing and verifying PDFs', () => {
  it('signs a pdfmake document so that the core and pdfsig both find the signature valid and the whole file signed', async () => {
    const { core, competitionId, certificate } = await withCreatedCertificate();
    const pdf = await stampedPdf(stampFor(competitionId));
    const signed = await signWithCore(core, competitionId, pdf);
    expect(signed.subarray(0, pdf.length).equals(pdf)).toBe(true); // an incremental update: the original bytes are untouched
    const result = await core.call(ORGANISER, 'signing.verify', { base64: signed.toString('base64') });
    expect(result).toMatchObject({ verdict: 'valid', signed: true, signatureValid: true, coversWholeFile: true, certificateKnown: true, problem: null });
    expect(result.signer?.commonName).toBe(certificate.commonName);
    expect(result.signedAt).toBe(NOW.toISOString());
    expect(result.stamp?.number).toBe('007/REK/RJ/XI/2026');
    const audit = withDb(core, (db) => db.prepare("SELECT details_json FROM audit_log WHERE action = 'signing.signed'").get() as { details_json: string });
    expect(JSON.parse(audit.details_json)).toMatchObject({ document: 'recap 007/REK/RJ/XI/2026', unsignedSha256: createHash('sha256').update(pdf).digest('hex') });
    if (hasPdfsig) {
      const file = writeTemp('signed.pdf', signed);
      expect(pdfsigValidation(file)).toBe('Signature is Valid.');
      // A well-formed file: poppler reports no syntax error anywhere in it (a name with a space once did).
      expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stderr).not.toMatch(/Syntax Error/);
    }
  });

  it('signs the recap the core renders', async () => {
    const { core, competitionId } = await withCreatedCertificate();
    const { base64 } = await core.call(ORGANISER, 'documents.recap', { competitionId });
    const signed = await signWithCore(core, competitionId, Buffer.from(base64, 'base64'));
    expect((await core.call(ORGANISER, 'signing.verify', { base64: signed.toString('base64') })).verdict).toBe('valid');
    expect((await failure(() => signWithCore(core, competitionId, signed))).key).toBe('signingAlreadySigned');
  });

  it.each([
    ['a byte of the page content', 'stream', 40],
    ['the verify text in the metadata', 'ruangjuri:verify?', 20],
  ])('finds the signature invalid after one changed byte in %s (and so does pdfsig)', async (_where, marker, offset) => {
    const { core, competitionId } = await withCreatedCertificate();
    const signed = await signWithCore(core, competitionId, await stampedPdf(stampFor(competitionId)));
    const tampered = tamper(signed, marker, offset);
    const result = await core.call(ORGANISER, 'signing.verify', { base64: tampered.toString('base64') });
    expect(result).toMatchObject({ verdict: 'invalid', signed: true, signatureValid: false, problem: 'digestMismatch' });
    const file = writeTemp('tampered.pdf', tampered);
    expect((await runCli(['verify', file, '--data', join(tempDir(), 'no-database')])).code).toBe(1);
    if (hasPdfsig) expect(pdfsigValidation(file)).not.toBe('Signature is Valid.');
  });

  it('reports bytes appended after signing even though the signature itself still verifies', async () => {
    const { core, competitionId } = await withCreatedCertificate();
    const signed = await signWithCore(core, competitionId, await stampedPdf(stampFor(competitionId)));
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n(Juara I: peserta lain)\nendobj\n%%EOF\n')]);
    const result = await core.call(ORGANISER, 'signing.verify', { base64: appended.toString('base64') });
    expect(result).toMatchObject({ verdict: 'changedAfterSigning', signatureValid: true, coversWholeFile: false });
  });

  it('calls an unsigned PDF unsigned and a signature from an unknown certificate unknown', async () => {
    const { core, competitionId } = await withCreatedCertificate();
    const pdf = await stampedPdf(stampFor(competitionId));
    expect(await core.call(ORGANISER, 'signing.verify', { base64: pdf.toString('base64') })).toMatchObject({ verdict: 'unsigned', signed: false, problem: 'unsigned' });
    const other = await withCreatedCertificate();
    const foreign = await signWithCore(other.core, other.competitionId, pdf);
    expect(await core.call(ORGANISER, 'signing.verify', { base64: foreign.toString('base64') })).toMatchObject({ verdict: 'valid', certificateKnown: false });
  });
});

describe('matching a document with the results in this database', () => {
  const HASH = 'ab'.repeat(32);

  async function finalisedStage() {
    const setup = await withCreatedCertificate();
    const stageId = setup.detail.stages[0].id;
    // The finalise service writes these rows; the test writes one directly to stay independent of it.
    withDb(setup.core, (db) =>
      db
        .prepare("INSERT INTO result_snapshots (stage_id, version, body, hash, finalised_by, finalised_at) VALUES (?, 2, '{}', ?, 'chair:1', '2026-11-22T09:00:00Z')")
        .run(stageId, HASH),
    );
    return { ...setup, stageId };
  }

  it('says which finalised result a signed document matches, and when that result was reopened since', async () => {
    const { core, competitionId, stageId, detail } = await finalisedStage();
    const pdf = await signWithCore(core, competitionId, await stampedPdf(stampFor(competitionId, { stageId, version: 2, hash: HASH })));
    const verify = () => core.call(ORGANISER, 'signing.verify', { base64: pdf.toString('base64') });
    expect((await verify()).match).toEqual({ status: 'finalised', competitionName: detail.name, stageName: detail.stages[0].name, version: 2, finalisedAt: '2026-11-22T09:00:00Z' });
    withDb(core, (db) => db.prepare("UPDATE result_snapshots SET reopened_at = '2026-11-23T01:00:00Z', reopened_by = 'chair:1', reopen_reason = 'salah input'").run());
    expect((await verify()).match.status).toBe('superseded');
  });

  it('answers a pasted QR text: finalised, provisional, not in this database, or not ours', async () => {
    const { core, competitionId, stageId } = await finalisedStage();
    const check = (text: string) => core.call(ORGANISER, 'signing.verifyText', { text });
    expect((await check(encodeVerifyText(stampFor(competitionId, { stageId, version: 2, hash: HASH })))).match.status).toBe('finalised');
    expect((await check(encodeVerifyText(stampFor(competitionId, { stageId })))).match.status).toBe('provisional');
    expect((await check(encodeVerifyText(stampFor(competitionId + 1, { stageId })))).match.status).toBe('notFound');
    expect((await check(encodeVerifyText(stampFor(competitionId, { stageId, version: 2, hash: 'cd'.repeat(32) })))).match.status).toBe('notFound');
    expect((await check(encodeVerifyText(stampFor(competitionId, { stageId, version: 1, hash: HASH })))).match.status).toBe('notFound');
    expect(await check('https://example.com/palsu')).toEqual({ stamp: null, match: expect.objectContaining({ status: 'noStamp' }) });
  });
});

describe('ruang-juri verify FILE.pdf', () => {
  it('exits 0 for a signed, unmodified document and prints the signer and the match in the reader’s language', async () => {
    const { core, competitionId, dataDir, certificate } = await (async () => {
      const { core, dataDir } = tempCore();
      const detail = await core.call(ORGANISER, 'competition.create', thinDraft());
      const certificate = await core.call(ORGANISER, 'signing.createCertificate', { competitionId: detail.id, passphrase: PASSPHRASE });
      return { core, competitionId: detail.id, dataDir, certificate };
    })();
    const file = writeTemp('signed.pdf', await signWithCore(core, competitionId, await stampedPdf(stampFor(competitionId))));
    const previous = process.env.LC_ALL;
    process.env.LC_ALL = 'en_GB.UTF-8';
    try {
      const { code, output } = await runCli(['verify', file, '--data', dataDir]);
      expect(code).toBe(0);
      expect(output).toContain('Valid signature, document unchanged');
      expect(output).toContain(`Signed by: ${certificate.commonName}`);
      expect(output).toContain('a competition certificate in this database');
      expect(output).toContain('PROVISIONAL');
      process.env.LC_ALL = 'id_ID.UTF-8';
      expect((await runCli(['verify', file, '--data', dataDir])).output).toContain('Tanda tangan sah, dokumen tidak diubah');
    } finally {
      if (previous === undefined) delete process.env.LC_ALL;
      else process.env.LC_ALL = previous;
    }
  });

  it('exits 1 for an unsigned document, also without a database', async () => {
    const file = writeTemp('unsigned.pdf', await stampedPdf(stampFor(1)));
    const { code, output } = await runCli(['verify', file, '--data', join(tempDir(), 'no-database')]);
    expect(code).toBe(1);
    expect(output).toMatch(/tidak ditandatangani|not signed/);
  });

  it.each([[['verify']], [['verify', 'a.pdf', 'b.pdf']], [['verify', '--audit', 'a.pdf']], [['verify', '/tidak/ada/berkas.pdf']]])('exits 2 for bad usage %j', async (argv) => {
    expect((await runCli(argv)).code).toBe(2);
  });
});
