/**
 * Network mode and juror devices (issue 5): the LAN binding, pairing cards (QR code + short code
 * per juror), pairing by code with the juror's PIN, the list of paired devices and revoking one.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Actor } from '@shared/domain/actor';
import type { ActorView } from '@shared/domain/schemas';
import {
  currentDeviceRole,
  formatPairingCode,
  grantToActor,
  issuePairingTokenWithCode,
  lastSeenAt,
  networkController,
  redeemPairing,
} from '../pairing';
import { qrDataUrl } from '../qr';
import { afterCommit, type HandlerContext, type HandlerMap } from '../registry';
import { assertCompetition, loadJurors } from './load';

/** The renderer routes `#/pair?t=…` to the pairing screen (same form as device.issueJurorLinks). */
const pairingUrl = (publicUrl: string | null, token: string): string | null =>
  publicUrl ? `${publicUrl.replace(/\/$/, '')}/#/pair?t=${encodeURIComponent(token)}` : null;

interface DeviceDbRow {
  id: number;
  role: 'organiser' | 'chair' | 'juror' | 'display';
  competition_id: number | null;
  juror_id: number | null;
  juror_name: string | null;
  juror_role: string | null;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}
const DEVICE_SELECT = `SELECT d.id, d.role, d.competition_id, d.juror_id, j.name AS juror_name, j.role AS juror_role, d.created_at, d.last_seen_at, d.revoked_at
  FROM devices d LEFT JOIN jurors j ON j.id = d.juror_id`;

const deviceView = (db: Database, row: DeviceDbRow) => ({
  id: row.id,
  role: currentDeviceRole(row),
  jurorId: row.juror_id,
  jurorName: row.juror_name,
  createdAt: row.created_at,
  lastSeenAt: row.revoked_at ? row.last_seen_at : lastSeenAt(db, row.id, row.last_seen_at),
  revokedAt: row.revoked_at,
});

function actorView(db: Database, actor: Actor): ActorView {
  if (actor.role !== 'juror' && actor.role !== 'chair') return actor;
  const juror = db.prepare('SELECT name FROM jurors WHERE id = ?').get(actor.jurorId) as { name: string };
  return { ...actor, name: juror.name };
}

/** Pairs this device by a one-time token or short code (shared with auth.pair). */
export function pairDevice(ctx: HandlerContext, by: { token: string } | { code: string }, pin: string | undefined) {
  const { deviceToken, deviceId, grant } = redeemPairing(ctx.db, ctx.now, by, pin);
  const actor = grantToActor(grant);
  ctx.audit('auth.pair', { actor, deviceId, by: 'token' in by ? 'link' : 'code' });
  if (grant.competition_id !== null) ctx.emit('device.paired', { competitionId: grant.competition_id, deviceId });
  return { deviceToken, actor: actorView(ctx.db, actor) };
}

export const networkHandlers: HandlerMap = {
  'network.status'(ctx) {
    return networkController(ctx.db)?.status() ?? { mode: 'local', url: ctx.publicUrl, lanUrls: [] };
  },
  'network.setMode'(ctx, { mode }) {
    const controller = networkController(ctx.db);
    if (!controller) throw new AppError('CONFLICT', 'networkUnavailable');
    ctx.audit('network.setMode', { mode });
    // Rebinding waits for the socket; it happens after the (audit) commit.
    return afterCommit(() => controller.setMode(mode));
  },

  'device.pairingCards'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const scoring = loadJurors(ctx.db, competitionId).filter((juror) => juror.role !== 'secretary');
    const withPin = new Set(
      (ctx.db.prepare('SELECT id FROM jurors WHERE competition_id = ? AND pin_hash IS NOT NULL').all(competitionId) as { id: number }[]).map((r) => r.id),
    );
    const cards = scoring.map((juror) => {
      const role = juror.role === 'chair' ? 'chair' : 'juror';
      const { token, code, expiresAt } = issuePairingTokenWithCode(ctx.db, ctx.now, { role, competition_id: competitionId, juror_id: juror.id });
      const url = pairingUrl(ctx.publicUrl, token);
      return { jurorId: juror.id, name: juror.name, role, token, url, code: formatPairingCode(code), qr: url ? qrDataUrl(url) : null, hasPin: withPin.has(juror.id), expiresAt } as const;
    });
    ctx.audit('device.pairingCards', { competitionId, jurorIds: cards.map((c) => c.jurorId) });
    return { cards };
  },
  'device.list'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const rows = ctx.db.prepare(`${DEVICE_SELECT} WHERE d.competition_id = ? ORDER BY d.revoked_at IS NOT NULL, d.created_at DESC, d.id DESC`).all(competitionId) as DeviceDbRow[];
    return { devices: rows.map((row) => deviceView(ctx.db, row)) };
  },
  'device.revoke'(ctx, { deviceId }) {
    const row = ctx.db.prepare(`${DEVICE_SELECT} WHERE d.id = ?`).get(deviceId) as DeviceDbRow | undefined;
    // Organiser devices are not listed per competition and are not revoked from here.
    if (!row || row.competition_id === null) throw new AppError('NOT_FOUND', 'deviceNotFound');
    if (row.revoked_at) return deviceView(ctx.db, row);
    ctx.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(ctx.now, deviceId);
    ctx.audit('device.revoke', { competitionId: row.competition_id, deviceId, role: row.role, jurorId: row.juror_id });
    ctx.emit('device.revoked', { competitionId: row.competition_id, deviceId });
    return deviceView(ctx.db, { ...row, revoked_at: ctx.now });
  },

  'auth.pairByCode'(ctx, { code, pin }) {
    return pairDevice(ctx, { code }, pin);
  },
};
