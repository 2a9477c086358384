/**
 * Pairing tokens (one-time, in links and QR codes) and device tokens (kept by a paired browser).
 * Only SHA-256 hashes are stored, so a copied database does not hand out working tokens.
 * Redeeming them (with short codes and PINs) and resolving device tokens: pairing.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export type DeviceRole = 'organiser' | 'chair' | 'juror' | 'display';
export interface Grant {
  role: DeviceRole;
  competition_id: number | null;
  juror_id: number | null;
}

/** Pairing links stay valid for a competition day and a half. */
const PAIRING_TTL_MS = 36 * 60 * 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => randomBytes(24).toString('base64url');

export function issuePairingToken(db: Database, now: string, grant: Grant): string {
  const token = newToken();
  // A new link for the same juror or display replaces the unused old one.
  db.prepare(
    `DELETE FROM pairing_tokens WHERE used_at IS NULL AND role = @role
       AND competition_id IS @competition_id AND juror_id IS @juror_id`,
  ).run(grant);
  db.prepare(
    `INSERT INTO pairing_tokens (token_hash, role, competition_id, juror_id, created_at, expires_at)
     VALUES (@hash, @role, @competition_id, @juror_id, @now, @expires)`,
  ).run({ ...grant, hash: hashToken(token), now, expires: new Date(Date.parse(now) + PAIRING_TTL_MS).toISOString() });
  return token;
}
