/**
 * Juror devices (issue 5): short pairing codes, PIN-protected pairing with a lockout, device
 * last-seen times, and the network controller the LAN server registers. The codes are stored as
 * SHA-256 hashes beside their pairing token (migration 005), one-time and valid as long as it.
 *
 * The PIN lockout and last-seen times live in memory per database: a failed PIN rolls its
 * transaction back, so a counter in the database would not survive it, and a restart that clears
 * a one-minute lockout is harmless.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { ANONYMOUS, type Actor } from '@shared/domain/actor';
import {
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  normalizePairingCode,
  type networkMode,
  type networkStatus,
} from '@shared/api/network-commands';
import type { z } from 'zod';
import { hashToken, issuePairingToken, type DeviceRole, type Grant as TokenGrant } from './tokens';
import { verifyJurorPin } from './services/jurors';

export type NetworkMode = z.output<typeof networkMode>;
export type NetworkStatus = z.output<typeof networkStatus>;

/** Implemented by whoever runs the LAN server (lan/server.ts registers itself). */
export interface NetworkController {
  status(): NetworkStatus;
  /** Rebinds the server (0.0.0.0 for network, 127.0.0.1 for local) on the same port. */
  setMode(mode: NetworkMode): Promise<NetworkStatus>;
  /**
   * Only the desktop shell (electron/main) adds this: opens the stage display window for the
   * competition; false when it could not. Absent in server mode.
   */
  openStageDisplay?(competitionId: number): boolean;
}

type Grant = TokenGrant;

const MAX_PIN_FAILURES = 5;
const PIN_LOCK_MS = 60_000;
const LAST_SEEN_WRITE_MS = 60_000;

interface DbState {
  controller: NetworkController | null;
  pinFailures: Map<number, { count: number; lockedUntil: number }>;
  /** device id → last request (ms) and when it was last written to the database. */
  lastSeen: Map<number, { at: number; written: number }>;
}
const states = new WeakMap<Database, DbState>();
function state(db: Database): DbState {
  let found = states.get(db);
  if (!found) states.set(db, (found = { controller: null, pinFailures: new Map(), lastSeen: new Map() }));
  return found;
}

export const setNetworkController = (db: Database, controller: NetworkController | null): void => {
  state(db).controller = controller;
};
export const networkController = (db: Database): NetworkController | null => state(db).controller;

/** "K7M3QX" → "K7M-3QX", easier to read out and type. */
export const formatPairingCode = (code: string): string => `${code.slice(0, 3)}-${code.slice(3)}`;

function newCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

/** A pairing token plus its short code (both one-time, same expiry). */
export function issuePairingTokenWithCode(db: Database, now: string, grant: Grant): { token: string; code: string; expiresAt: string } {
  const token = issuePairingToken(db, now, grant);
  const tokenHash = hashToken(token);
  // Spent and expired codes are cleared, so a live code can collide only with another live one.
  db.prepare('UPDATE pairing_tokens SET code_hash = NULL WHERE code_hash IS NOT NULL AND (used_at IS NOT NULL OR expires_at < ?)').run(now);
  for (let attempt = 0; ; attempt++) {
    const code = newCode();
    try {
      db.prepare('UPDATE pairing_tokens SET code_hash = ? WHERE token_hash = ?').run(hashToken(code), tokenHash);
      const { expires_at } = db.prepare('SELECT expires_at FROM pairing_tokens WHERE token_hash = ?').get(tokenHash) as { expires_at: string };
      return { token, code, expiresAt: expires_at };
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('UNIQUE')) throw error;
    }
  }
}

/** A juror's PIN, when they have one: checked before the pairing is spent (or a kiosk switch-in), with a lockout after 5 wrong ones. */
export function checkPin(db: Database, jurorId: number, pin: string | undefined, nowMs: number): void {
  const row = db.prepare('SELECT pin_hash FROM jurors WHERE id = ?').get(jurorId) as { pin_hash: string | null } | undefined;
  if (!row?.pin_hash) return;
  const failures = state(db).pinFailures;
  const entry = failures.get(jurorId);
  if (entry && entry.lockedUntil > nowMs) {
    throw new AppError('FORBIDDEN', 'pinLocked', { seconds: Math.ceil((entry.lockedUntil - nowMs) / 1000) });
  }
  if (pin === undefined || pin === '') throw new AppError('FORBIDDEN', 'pinRequired');
  if (verifyJurorPin(db, jurorId, pin)) {
    failures.delete(jurorId);
    return;
  }
  const count = (entry && entry.lockedUntil === 0 ? entry.count : 0) + 1;
  failures.set(jurorId, count >= MAX_PIN_FAILURES ? { count: 0, lockedUntil: nowMs + PIN_LOCK_MS } : { count, lockedUntil: 0 });
  throw new AppError('FORBIDDEN', 'pinWrong', { left: Math.max(0, MAX_PIN_FAILURES - count) });
}

/**
 * Spends a pairing token (or its short code) once, after the juror's PIN, and registers the
 * device. Unknown, used and expired tokens and codes are refused alike.
 */
export function redeemPairing(
  db: Database,
  now: string,
  by: { token: string } | { code: string },
  pin: string | undefined,
): { deviceToken: string; deviceId: number; grant: Grant } {
  const column = 'token' in by ? 'token_hash' : 'code_hash';
  const secret = 'token' in by ? by.token : normalizePairingCode(by.code);
  const invalidKey = 'token' in by ? 'pairingTokenInvalid' : 'pairingCodeInvalid';
  if ('code' in by && secret.length !== PAIRING_CODE_LENGTH) throw new AppError('FORBIDDEN', invalidKey);
  const row = db
    .prepare(`SELECT token_hash, role, competition_id, juror_id, expires_at, used_at FROM pairing_tokens WHERE ${column} = ?`)
    .get(hashToken(secret)) as (Grant & { token_hash: string; expires_at: string; used_at: string | null }) | undefined;
  if (!row || row.used_at || row.expires_at < now) throw new AppError('FORBIDDEN', invalidKey);
  if (row.juror_id !== null) checkPin(db, row.juror_id, pin, Date.parse(now));
  db.prepare('UPDATE pairing_tokens SET used_at = ?, code_hash = NULL WHERE token_hash = ?').run(now, row.token_hash);
  const deviceToken = randomBytes(24).toString('base64url');
  const { lastInsertRowid } = db
    .prepare('INSERT INTO devices (token_hash, role, competition_id, juror_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(hashToken(deviceToken), row.role, row.competition_id, row.juror_id, now, now);
  return { deviceToken, deviceId: Number(lastInsertRowid), grant: row };
}

export function grantToActor(grant: Grant): Actor {
  switch (grant.role) {
    case 'organiser':
      return { role: 'organiser' };
    case 'display':
      return { role: 'display', competitionId: grant.competition_id! };
    default:
      return { role: grant.role, competitionId: grant.competition_id!, jurorId: grant.juror_id! };
  }
}

function noteSeen(db: Database, deviceId: number, nowMs: number): void {
  const lastSeen = state(db).lastSeen;
  const previous = lastSeen.get(deviceId);
  const written = previous && nowMs - previous.written < LAST_SEEN_WRITE_MS ? previous.written : nowMs;
  lastSeen.set(deviceId, { at: nowMs, written });
  // At most one durable write per device a minute, never inside another command's transaction.
  if (written === nowMs && !db.inTransaction) db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(new Date(nowMs).toISOString(), deviceId);
}

/** Resolves a device token (revoked or unknown: anonymous) and, unless `seen` is false, notes that the device was seen. */
export function authenticateDevice(db: Database, token: string | null | undefined, nowMs: number, seen = true): Actor {
  if (!token) return ANONYMOUS;
  const row = db
    .prepare(
      `SELECT d.id, d.role, d.competition_id, d.juror_id, j.role AS juror_role FROM devices d LEFT JOIN jurors j ON j.id = d.juror_id
       WHERE d.token_hash = ? AND d.revoked_at IS NULL`,
    )
    .get(hashToken(token)) as (Grant & { id: number; juror_role: string | null }) | undefined;
  if (!row) return ANONYMOUS;
  if (seen) noteSeen(db, row.id, nowMs);
  return grantToActor({ ...row, role: currentDeviceRole(row) });
}

/**
 * A juror's device acts with the juror's role as it is now, not as it was at pairing: made chair
 * later, it chairs; a chair who stepped down no longer finalises from the old tablet.
 */
export const currentDeviceRole = (row: { role: DeviceRole; juror_role: string | null }): DeviceRole =>
  row.juror_role === null ? row.role : row.juror_role === 'chair' ? 'chair' : 'juror';

/** The device's last request: the in-memory time when newer than the stored one. */
export function lastSeenAt(db: Database, deviceId: number, stored: string | null): string | null {
  const memory = state(db).lastSeen.get(deviceId);
  if (!memory) return stored;
  const iso = new Date(memory.at).toISOString();
  return !stored || iso > stored ? iso : stored;
}

/** True when the token belonged to a device the organiser revoked (for a clearer message than "not paired"). */
export function isRevokedDeviceToken(db: Database, token: string | null | undefined): boolean {
  if (!token) return false;
  return Boolean(db.prepare('SELECT 1 FROM devices WHERE token_hash = ? AND revoked_at IS NOT NULL').get(hashToken(token)));
}
