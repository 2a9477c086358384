/**
 * The jury: chairs and members score, secretaries do not. A juror may have a PIN (for the kiosk
 * mode, where several jurors share the main laptop); only a salted scrypt hash of it is stored.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { HandlerContext, HandlerMap } from '../registry';
import { assertCompetition, loadCompetitionDetail } from './load';
import { refuseDuplicateName } from './setup-util';

const KEY_LENGTH = 32;

/** "scrypt$<salt>$<hash>", both base64; a new random salt every time. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(pin, salt, KEY_LENGTH).toString('base64')}`;
}

/** True when the juror has a PIN and `pin` is it (constant-time comparison). */
export function verifyJurorPin(db: Database, jurorId: number, pin: string): boolean {
  const row = db.prepare('SELECT pin_hash FROM jurors WHERE id = ?').get(jurorId) as { pin_hash: string | null } | undefined;
  const [scheme, salt, hash] = row?.pin_hash?.split('$') ?? [];
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

export interface JurorRow {
  id: number;
  competition_id: number;
  name: string;
  role: 'chair' | 'member' | 'secretary';
}

/** The juror, checked against the actor's reach (a foreign id reads as "not found"). */
export function requireJuror(ctx: HandlerContext, jurorId: number, competitionId?: number): JurorRow {
  const row = ctx.db.prepare('SELECT id, competition_id, name, role FROM jurors WHERE id = ?').get(jurorId) as JurorRow | undefined;
  if (!row || (competitionId !== undefined && row.competition_id !== competitionId)) throw new AppError('NOT_FOUND', 'jurorNotFound');
  assertCompetition(ctx.db, ctx.actor, row.competition_id);
  return row;
}

const hasSheets = (db: Database, jurorId: number): boolean => db.prepare('SELECT 1 FROM sheets WHERE juror_id = ? LIMIT 1').get(jurorId) !== undefined;

export const jurorHandlers: HandlerMap = {
  'juror.save'(ctx, input) {
    const { db } = ctx;
    const { competitionId, id, pin, ...fields } = input;
    assertCompetition(db, ctx.actor, competitionId);
    const existing = id === undefined ? null : requireJuror(ctx, id, competitionId);
    refuseDuplicateName(db.prepare('SELECT id, name FROM jurors WHERE competition_id = ?').all(competitionId) as { id: number; name: string }[], fields.name, id);
    if (fields.role === 'secretary' && existing) {
      // Secretaries do not score, so they cannot sit on a panel; take them off it first.
      const panel = db.prepare('SELECT 1 FROM panel_members WHERE juror_id = ? LIMIT 1').get(existing.id);
      if (panel) throw new AppError('CONFLICT', 'secretaryInPanel', { name: fields.name });
    }

    // `position` in the input is the juror's job title; the column `position` is their order.
    const row = { name: fields.name, title: fields.title, nip: fields.nip, positionTitle: fields.position, institution: fields.institution, role: fields.role };
    let jurorId: number;
    if (existing) {
      db.prepare(
        `UPDATE jurors SET name = @name, title = @title, nip = @nip, position_title = @positionTitle, institution = @institution, role = @role
         WHERE id = @id`,
      ).run({ ...row, id: existing.id });
      jurorId = existing.id;
    } else {
      const { next } = db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM jurors WHERE competition_id = ?').get(competitionId) as {
        next: number;
      };
      jurorId = Number(
        db
          .prepare(
            `INSERT INTO jurors (competition_id, name, title, nip, position_title, institution, role, position)
             VALUES (@competitionId, @name, @title, @nip, @positionTitle, @institution, @role, @next)`,
          )
          .run({ ...row, competitionId, next }).lastInsertRowid,
      );
    }
    if (pin !== undefined) db.prepare('UPDATE jurors SET pin_hash = ? WHERE id = ?').run(pin === null ? null : hashPin(pin), jurorId);

    // The PIN itself never reaches the audit log, only what happened to it.
    const pinChange = pin === undefined ? 'kept' : pin === null ? 'removed' : 'set';
    ctx.audit(existing ? 'juror.update' : 'juror.create', { competitionId, jurorId, ...fields, pin: pinChange });
    ctx.emit('competition.changed', { competitionId });
    return loadCompetitionDetail(db, competitionId);
  },

  'juror.delete'(ctx, { jurorId }) {
    const juror = requireJuror(ctx, jurorId);
    // Deleting would cascade to the juror's sheets: a juror who has scored stays on record.
    if (hasSheets(ctx.db, jurorId)) throw new AppError('CONFLICT', 'jurorHasSheets', { name: juror.name });
    ctx.db.prepare('DELETE FROM jurors WHERE id = ?').run(jurorId);
    ctx.audit('juror.delete', { competitionId: juror.competition_id, jurorId, name: juror.name });
    ctx.emit('competition.changed', { competitionId: juror.competition_id });
    return loadCompetitionDetail(ctx.db, juror.competition_id);
  },
};
