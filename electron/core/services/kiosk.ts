/**
 * Kiosk mode (issue 5): jurors take turns on the organiser's laptop. A juror picks their name and
 * types their PIN (the pairing PIN check with its lockout); the core hands the page a short-lived
 * token that acts as that juror only. The page sends it instead of its own credentials: as the
 * bearer token in server mode, in the envelope over IPC (electron/main/ipc.ts); both end here in
 * authenticateKioskToken. Only the token's SHA-256 is stored (migration 009).
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { ANONYMOUS, type Actor } from '@shared/domain/actor';
import type { HandlerMap } from '../registry';
import { checkPin } from '../pairing';
import { hashToken } from '../tokens';
import { assertCompetition, loadJurors } from './load';

/** A kiosk token unused this long is dead: the core's own switch-out, behind the page's shorter one. */
export const KIOSK_TOKEN_IDLE_MS = 10 * 60_000;
/** The kiosk page switches a juror out after this much inactivity. */
export const KIOSK_PAGE_IDLE_SECONDS = 120;
/** last_used_at is rewritten at most this often (one write per request would be wasteful). */
const TOUCH_MS = 30_000;

interface KioskRow {
  id: number;
  competition_id: number;
  juror_id: number;
  role: 'chair' | 'juror';
  last_used_at: string;
}

/**
 * The juror a live kiosk token acts as, or null for anything else (unknown, switched out, idle too
 * long). Called outside any command, so it may note the use itself.
 */
export function authenticateKioskToken(db: Database, token: string | null | undefined, nowMs: number, used = true): Actor | null {
  if (!token) return null;
  const row = db
    .prepare('SELECT id, competition_id, juror_id, role, last_used_at FROM kiosk_sessions WHERE token_hash = ? AND ended_at IS NULL')
    .get(hashToken(token)) as KioskRow | undefined;
  if (!row) return null;
  const idleMs = nowMs - Date.parse(row.last_used_at);
  if (idleMs > KIOSK_TOKEN_IDLE_MS) return null;
  if (used && idleMs >= TOUCH_MS && !db.inTransaction) {
    db.prepare('UPDATE kiosk_sessions SET last_used_at = ? WHERE id = ?').run(new Date(nowMs).toISOString(), row.id);
  }
  return { role: row.role, competitionId: row.competition_id, jurorId: row.juror_id };
}

function endOpenSessions(db: Database, now: string, where: { competitionId: number } | { tokenHash: string }): number {
  const { changes } =
    'competitionId' in where
      ? db.prepare('UPDATE kiosk_sessions SET ended_at = ? WHERE competition_id = ? AND ended_at IS NULL').run(now, where.competitionId)
      : db.prepare('UPDATE kiosk_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL').run(now, where.tokenHash);
  return changes;
}

export const kioskHandlers: HandlerMap = {
  'kiosk.roster'(ctx, { competitionId }) {
    const competition = assertCompetition(ctx.db, ctx.actor, competitionId);
    const jurors = loadJurors(ctx.db, competitionId)
      .filter((j) => j.role !== 'secretary')
      .map(({ id, name, title, role, hasPin }) => ({ id, name, title, role: role as 'chair' | 'member', hasPin }));
    return { competition: { id: competition.id, name: competition.name }, jurors, idleSeconds: KIOSK_PAGE_IDLE_SECONDS };
  },

  'kiosk.switchIn'(ctx, { competitionId, jurorId, pin }) {
    const { db } = ctx;
    assertCompetition(db, ctx.actor, competitionId);
    const juror = loadJurors(db, competitionId).find((j) => j.id === jurorId);
    if (!juror) throw new AppError('NOT_FOUND', 'jurorNotFound');
    if (juror.role === 'secretary') throw new AppError('FORBIDDEN', 'secretaryDoesNotScore');
    if (!juror.hasPin) throw new AppError('FORBIDDEN', 'kioskNoPin', { name: juror.name });
    checkPin(db, jurorId, pin, Date.parse(ctx.now));
    // One juror at the laptop at a time: whoever was switched in is switched out now.
    endOpenSessions(db, ctx.now, { competitionId });
    const kioskToken = randomBytes(24).toString('base64url');
    const role = juror.role === 'chair' ? 'chair' : 'juror';
    db.prepare(
      'INSERT INTO kiosk_sessions (token_hash, competition_id, juror_id, role, started_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(hashToken(kioskToken), competitionId, jurorId, role, ctx.now, ctx.now);
    ctx.audit('kiosk.switchIn', { competitionId, jurorId, name: juror.name });
    return { kioskToken, actor: { role, competitionId, jurorId, name: juror.name } };
  },

  'kiosk.switchOut'(ctx, { kioskToken, reason }) {
    const tokenHash = hashToken(kioskToken);
    const row = ctx.db.prepare('SELECT competition_id, juror_id FROM kiosk_sessions WHERE token_hash = ? AND ended_at IS NULL').get(tokenHash) as
      | { competition_id: number; juror_id: number }
      | undefined;
    if (!row) return { ended: false };
    endOpenSessions(ctx.db, ctx.now, { tokenHash });
    ctx.audit('kiosk.switchOut', { competitionId: row.competition_id, jurorId: row.juror_id, reason });
    return { ended: true };
  },
};

/**
 * Who a request acts as when its envelope carries a kiosk token (the desktop window over IPC, or
 * a browser in server mode): that juror, and only on top of the organiser's own credentials. A
 * dead token never falls back to the organiser: the request is anonymous and refused.
 */
export function actingActor(db: Database, actor: Actor, kioskToken: string | undefined, nowMs: number): Actor {
  if (kioskToken === undefined) return actor;
  return (actor.role === 'organiser' && authenticateKioskToken(db, kioskToken, nowMs)) || ANONYMOUS;
}
