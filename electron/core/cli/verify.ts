import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verificationHeadline, verificationLines } from '@shared/documents/verification-text';
import { translate, type Locale } from '@shared/i18n';
import { verifyAudit } from '../audit';
import { DATABASE_FILE } from '../db/open';
import { assessDocument } from '../services/signing';
import type { CliIO } from './main';

/** Read-only check of the audit chain; exit 1 names the first row that was edited or removed. */
export function verifyAuditFile(dataDir: string, io: CliIO): number {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    io.err(`ruang-juri: no database at ${file}`);
    return 1;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { rows, brokenAt } = verifyAudit(db);
    if (brokenAt === null) {
      io.out(`Audit log intact: ${rows} rows, hash chain verified.`);
      return 0;
    }
    io.err(`Audit log BROKEN at row ${brokenAt}: that row or one before it was changed or removed.`);
    return 1;
  } finally {
    db.close();
  }
}

/** The reader's language from the environment (LC_ALL, LC_MESSAGES, LANG); Bahasa Indonesia unless it says English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** The database read-only, or null (with the reason printed) when there is none to compare with. */
function openForMatching(dataDir: string, io: CliIO, locale: Locale): Database.Database | null {
  const file = join(dataDir, DATABASE_FILE);
  const db = existsSync(file) ? new Database(file, { readonly: true, fileMustExist: true }) : null;
  const tables = db?.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('signing_certificates', 'result_snapshots')").get() as { n: number } | undefined;
  if (db && tables?.n === 2) return db;
  db?.close();
  io.out(translate(locale, 'signing.cli.noDatabase', { path: file }));
  return null;
}

/**
 * `ruang-juri verify FILE.pdf`: exit 0 only for a signed document whose signature verifies and
 * which has no bytes after the signed revision; 1 otherwise (unsigned included); 2 when the file
 * cannot be read.
 */
export function verifyDocumentFile(path: string, dataDir: string, io: CliIO, locale: Locale = cliLocale()): number {
  let pdf: Buffer;
  try {
    pdf = readFileSync(path);
  } catch {
    io.err(`ruang-juri: ${translate(locale, 'signing.cli.cannotRead', { path })}`);
    return 2;
  }
  const db = openForMatching(dataDir, io, locale);
  try {
    const verification = assessDocument(db, pdf);
    io.out(`${translate(locale, 'signing.verify.fileLabel')}: ${path}`);
    io.out(verificationHeadline(verification, locale));
    for (const line of verificationLines(verification, locale)) io.out(line.label ? `  ${line.label}: ${line.value}` : `  ${line.value}`);
    return verification.verdict === 'valid' ? 0 : 1;
  } finally {
    db?.close();
  }
}
