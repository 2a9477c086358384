/**
 * Append-only audit log whose rows are chained by SHA-256: each row hashes its content together
 * with the previous row's hash, so editing or deleting any row breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

const GENESIS = '0'.repeat(64);

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

const rowHash = (row: Omit<AuditRow, 'id' | 'hash'>): string =>
  createHash('sha256')
    .update(JSON.stringify([row.prev_hash, row.at, row.actor, row.action, row.details_json]))
    .digest('hex');

export function appendAudit(db: Database, at: string, actor: string, action: string, details: unknown): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const row = { at, actor, action, details_json: JSON.stringify(details), prev_hash: last?.hash ?? GENESIS };
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, details_json, prev_hash, hash) VALUES (@at, @actor, @action, @details_json, @prev_hash, @hash)',
  ).run({ ...row, hash: rowHash(row) });
}

/** Returns the id of the first row whose chain is broken, or null when the whole log verifies. */
export function verifyAudit(db: Database): { rows: number; brokenAt: number | null } {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  let previous = GENESIS;
  for (const row of rows) {
    if (row.prev_hash !== previous || rowHash(row) !== row.hash) return { rows: rows.length, brokenAt: row.id };
    previous = row.hash;
  }
  return { rows: rows.length, brokenAt: null };
}
