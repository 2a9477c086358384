/**
 * Entries (peserta / inovasi): a new entry joins the first stage, last in order. Codes are unique
 * within a competition (compared case-insensitively). Withdrawn and disqualified entries stay on
 * record but are neither scored nor ranked.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { HandlerContext, HandlerMap } from '../registry';
import { assertCompetition, loadCompetitionDetail, requireEntry } from './load';

/** Codes compare without regard to case or surrounding spaces ("e01" is "E01"). */
const sameCode = (a: string, b: string): boolean => a.trim().toLocaleLowerCase('id-ID') === b.trim().toLocaleLowerCase('id-ID');

/** The entry's competition, checked against the actor's reach. */
function entryCompetition(ctx: HandlerContext, entryId: number): number {
  const row = ctx.db.prepare('SELECT competition_id FROM entries WHERE id = ?').get(entryId) as { competition_id: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'entryNotFound');
  assertCompetition(ctx.db, ctx.actor, row.competition_id);
  return row.competition_id;
}

const hasSheets = (db: Database, entryId: number): boolean => db.prepare('SELECT 1 FROM sheets WHERE entry_id = ? LIMIT 1').get(entryId) !== undefined;

export const entryHandlers: HandlerMap = {
  'entry.save'(ctx, input) {
    const { db } = ctx;
    const { competitionId, id, ...fields } = input;
    assertCompetition(db, ctx.actor, competitionId);
    if (id !== undefined) requireEntry(db, competitionId, id);
    if (!db.prepare('SELECT 1 FROM categories WHERE id = ? AND competition_id = ?').get(fields.categoryId, competitionId))
      throw new AppError('NOT_FOUND', 'categoryNotFound');
    const codes = db.prepare('SELECT id, code FROM entries WHERE competition_id = ?').all(competitionId) as { id: number; code: string }[];
    if (codes.some((e) => e.id !== id && sameCode(e.code, fields.code))) throw new AppError('CONFLICT', 'duplicateCode', { code: fields.code });

    let entryId: number;
    if (id !== undefined) {
      db.prepare(
        `UPDATE entries SET code = @code, title = @title, unit = @unit, category_id = @categoryId, presenters = @presenters,
           contact = @contact, notes = @notes WHERE id = @id`,
      ).run({ ...fields, id });
      entryId = id;
    } else {
      const { next } = db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM entries WHERE competition_id = ?').get(competitionId) as {
        next: number;
      };
      entryId = Number(
        db
          .prepare(
            `INSERT INTO entries (competition_id, category_id, code, title, unit, presenters, contact, notes, position)
             VALUES (@competitionId, @categoryId, @code, @title, @unit, @presenters, @contact, @notes, @next)`,
          )
          .run({ ...fields, competitionId, next }).lastInsertRowid,
      );
      const first = db.prepare('SELECT id FROM stages WHERE competition_id = ? ORDER BY position LIMIT 1').get(competitionId) as
        | { id: number }
        | undefined;
      if (first) db.prepare('INSERT INTO stage_entries (stage_id, entry_id) VALUES (?, ?)').run(first.id, entryId);
    }
    ctx.audit(id === undefined ? 'entry.create' : 'entry.update', { competitionId, entryId, ...fields });
    ctx.emit('competition.changed', { competitionId });
    return loadCompetitionDetail(db, competitionId);
  },

  /** The reason is kept whatever the status (the schema requires one for a disqualification). */
  'entry.setStatus'(ctx, { entryId, status, reason }) {
    const competitionId = entryCompetition(ctx, entryId);
    ctx.db.prepare('UPDATE entries SET status = ?, status_reason = ? WHERE id = ?').run(status, reason, entryId);
    ctx.audit('entry.setStatus', { competitionId, entryId, status, reason });
    ctx.emit('competition.changed', { competitionId });
    return loadCompetitionDetail(ctx.db, competitionId);
  },

  'entry.delete'(ctx, { entryId }) {
    const { db } = ctx;
    const competitionId = entryCompetition(ctx, entryId);
    const entry = requireEntry(db, competitionId, entryId);
    // Deleting would cascade to its sheets: an entry that has been scored is withdrawn instead.
    if (hasSheets(db, entryId)) throw new AppError('CONFLICT', 'entryHasSheets', { code: entry.code });
    db.prepare('UPDATE sessions SET current_entry_id = NULL WHERE current_entry_id = ?').run(entryId);
    db.prepare('DELETE FROM entries WHERE id = ?').run(entryId);
    ctx.audit('entry.delete', { competitionId, entryId, code: entry.code, title: entry.title });
    ctx.emit('competition.changed', { competitionId });
    return loadCompetitionDetail(db, competitionId);
  },
};
