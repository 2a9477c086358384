import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyAudit } from '../audit';
import { DATABASE_FILE } from '../db/open';
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
