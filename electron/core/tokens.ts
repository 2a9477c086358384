/**
 * Pairing tokens (one-time, in links and QR codes) and device tokens (kept by a paired browser).
 * Only SHA-256 hashes are stored, so a copied database does not hand out working tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Actor } from '@shared/domain/actor';
import { ANONYMOUS } from '@shared/domain/actor';

type DeviceRole = 'organiser' | 'chair' | 'juror' | 'display';
interface Grant {
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

/** Spends a pairing token once and returns a fresh device token for the same grant. */
export function redeemPairingToken(db: Database, now: string, token: string): { deviceToken: string; actor: Actor } {
  const grant = db
    .prepare('SELECT role, competition_id, juror_id, expires_at, used_at FROM pairing_tokens WHERE token_hash = ?')
    .get(hashToken(token)) as (Grant & { expires_at: string; used_at: string | null }) | undefined;
  if (!grant || grant.used_at || grant.expires_at < now) throw new AppError('FORBIDDEN', 'pairingTokenInvalid');
  db.prepare('UPDATE pairing_tokens SET used_at = ? WHERE token_hash = ?').run(now, hashToken(token));
  const deviceToken = newToken();
  db.prepare(
    `INSERT INTO devices (token_hash, role, competition_id, juror_id, created_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(hashToken(deviceToken), grant.role, grant.competition_id, grant.juror_id, now);
  return { deviceToken, actor: grantToActor(grant) };
}

export function actorForDeviceToken(db: Database, token: string | null | undefined): Actor {
  if (!token) return ANONYMOUS;
  const grant = db
    .prepare('SELECT role, competition_id, juror_id FROM devices WHERE token_hash = ? AND revoked_at IS NULL')
    .get(hashToken(token)) as Grant | undefined;
  return grant ? grantToActor(grant) : ANONYMOUS;
}

function grantToActor(grant: Grant): Actor {
  switch (grant.role) {
    case 'organiser':
      return { role: 'organiser' };
    case 'display':
      return { role: 'display', competitionId: grant.competition_id! };
    default:
      return { role: grant.role, competitionId: grant.competition_id!, jurorId: grant.juror_id! };
  }
}
