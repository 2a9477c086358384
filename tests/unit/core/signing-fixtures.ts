/** Shared set-up for the signing tests: certificates made with forge, PDFs with a stamp, pdfsig, the CLI. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import forge from 'node-forge';
import { ORGANISER } from '@shared/domain/actor';
import { encodeVerifyText, type DocumentStamp } from '@shared/documents/stamp';
import type { Core } from '../../../electron/core';
import { main } from '../../../electron/core/cli/main';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { renderPdf } from '../../../electron/core/documents/pdf';
import { tempDir } from '../helpers';

export const PASSPHRASE = 'kata-sandi-panitia';
export const hasPdfsig = spawnSync('pdfsig', ['-v']).error === undefined;
export const hasOpenssl = spawnSync('openssl', ['version']).error === undefined;

export const stampFor = (competitionId: number, overrides: Partial<DocumentStamp> = {}): DocumentStamp => ({
  kind: 'recap',
  number: '007/REK/RJ/XI/2026',
  competitionId,
  stageId: null,
  version: 0,
  hash: null,
  ...overrides,
});

/** A small pdfmake document carrying a verify stamp in its metadata, as the official documents do. */
export const stampedPdf = (stamp: DocumentStamp): Promise<Buffer> =>
  renderPdf({
    content: ['REKAPITULASI NILAI', { text: 'Total 85,40' }],
    info: { title: 'Rekapitulasi', keywords: encodeVerifyText(stamp), creationDate: new Date('2026-11-23T02:00:00Z') },
  });

export async function signWithCore(core: Core, competitionId: number, pdf: Buffer, passphrase?: string): Promise<Buffer> {
  const { base64 } = await core.call(ORGANISER, 'signing.signPdf', { competitionId, base64: pdf.toString('base64'), ...(passphrase ? { passphrase } : {}) });
  return Buffer.from(base64, 'base64');
}

export function writeTemp(name: string, bytes: Buffer): string {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

/** pdfsig's "Signature Validation:" line for the file's first signature. */
export function pdfsigValidation(file: string): string {
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return /Signature Validation: (.*)/.exec(result.stdout + result.stderr)?.[1] ?? `(none) ${result.stdout}${result.stderr}`;
}

export async function runCli(argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, output: lines.join('\n') };
}

interface TestCertificate {
  validFrom: Date;
  validTo: Date;
  keyUsage?: Record<string, boolean>;
  commonName?: string;
}

/** A PKCS#12 file built independently of the code under test (forge directly), with chosen validity and key usage. */
export function pkcs12(passphrase: string, { validFrom, validTo, keyUsage = { digitalSignature: true }, commonName = 'Badan Siber dan Sandi Negara Uji' }: TestCertificate): Buffer {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '0a1b2c3d';
  cert.validity.notBefore = validFrom;
  cert.validity.notAfter = validTo;
  const name = [{ shortName: 'CN', value: commonName }, { shortName: 'O', value: 'Pemerintah Kota Palembang' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'keyUsage', ...keyUsage }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

export const years = (from: Date, n: number): Date => new Date(Date.UTC(from.getUTCFullYear() + n, from.getUTCMonth(), from.getUTCDate()));

/** A second connection to the core's database (WAL allows it) for reading audit rows or writing fixture rows. */
export function withDb<T>(core: Core, use: (db: Database.Database) => T): T {
  const db = new Database(join(core.dataDir, DATABASE_FILE));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/**
 * A PKCS#12 file as OpenSSL 3 writes it by default (PBES2, AES-256-CBC, SHA-256 MAC), the way a
 * certificate authority's export usually looks; `key` is an OpenSSL -newkey argument ("rsa:2048", "ec").
 */
export function opensslPkcs12(passphrase: string, key: 'rsa:2048' | 'ec' = 'rsa:2048'): Buffer {
  const dir = tempDir();
  const [keyFile, certFile, p12File] = ['key.pem', 'cert.pem', 'out.p12'].map((name) => join(dir, name));
  const curve = key === 'ec' ? ['-pkeyopt', 'ec_paramgen_curve:P-256'] : [];
  execFileSync('openssl', ['req', '-x509', '-newkey', key, ...curve, '-keyout', keyFile, '-out', certFile, '-days', '365', '-nodes', '-subj', '/CN=Sertifikat Uji OpenSSL/O=Balai Sertifikasi Elektronik Uji/C=ID'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', keyFile, '-in', certFile, '-out', p12File, '-passout', `pass:${passphrase}`], { stdio: 'ignore' });
  return readFileSync(p12File);
}
