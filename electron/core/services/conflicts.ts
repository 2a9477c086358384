/**
 * Conflicts of interest. The organiser declares one between a juror and an entry, or a juror and a
 * unit (every entry of that OPD, matched trimmed and case-insensitively); a juror declares their
 * own with an entry from the scoring page. A conflicted juror cannot score the entry, and any sheet
 * they already submitted for it stays stored but is left out of progress and results (see
 * services/eligibility.ts). Removing the conflict brings such a sheet back into the count.
 */
import { AppError } from '@shared/api/errors';
import type { HandlerContext, HandlerMap } from '../registry';
import { unitKey } from './eligibility';
import { requireJuror } from './jurors';
import { assertCompetition, loadCompetitionDetail, requireEntry } from './load';
import { scorer } from './scoring';

interface Declaration {
  competitionId: number;
  jurorId: number;
  target: { entryId: number } | { unit: string };
  reason: string;
  declaredBy: 'organiser' | 'juror';
}

/** Writes one conflict; the same juror with the same entry, or the same unit, is refused. */
function declare(ctx: HandlerContext, d: Declaration): number {
  const { db } = ctx;
  const existing = db.prepare('SELECT entry_id, unit FROM conflicts WHERE juror_id = ?').all(d.jurorId) as { entry_id: number | null; unit: string | null }[];
  const entryId = 'entryId' in d.target ? d.target.entryId : null;
  const unit = 'unit' in d.target ? d.target.unit.trim() : null;
  if (entryId !== null) requireEntry(db, d.competitionId, entryId);
  const duplicate = existing.some((c) => (entryId !== null ? c.entry_id === entryId : c.unit !== null && unitKey(c.unit) === unitKey(unit!)));
  if (duplicate) throw new AppError('CONFLICT', 'conflictExists');

  const conflictId = Number(
    db
      .prepare(
        `INSERT INTO conflicts (competition_id, juror_id, entry_id, unit, reason, declared_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.competitionId, d.jurorId, entryId, unit, d.reason, d.declaredBy, ctx.now).lastInsertRowid,
  );
  ctx.audit('conflict.declare', { competitionId: d.competitionId, conflictId, jurorId: d.jurorId, entryId, unit, reason: d.reason, declaredBy: d.declaredBy });
  ctx.emit('competition.changed', { competitionId: d.competitionId });
  return conflictId;
}

export const conflictHandlers: HandlerMap = {
  'conflict.declare'(ctx, { competitionId, jurorId, target, reason }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    requireJuror(ctx, jurorId, competitionId);
    declare(ctx, { competitionId, jurorId, target, reason, declaredBy: 'organiser' });
    return loadCompetitionDetail(ctx.db, competitionId);
  },

  'conflict.remove'(ctx, { conflictId }) {
    const row = ctx.db.prepare('SELECT * FROM conflicts WHERE id = ?').get(conflictId) as
      | { competition_id: number; juror_id: number; entry_id: number | null; unit: string | null; declared_by: string }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'conflictNotFound');
    assertCompetition(ctx.db, ctx.actor, row.competition_id);
    ctx.db.prepare('DELETE FROM conflicts WHERE id = ?').run(conflictId);
    ctx.audit('conflict.remove', { competitionId: row.competition_id, conflictId, jurorId: row.juror_id, entryId: row.entry_id, unit: row.unit, declaredBy: row.declared_by });
    ctx.emit('competition.changed', { competitionId: row.competition_id });
    return loadCompetitionDetail(ctx.db, row.competition_id);
  },

  /**
   * The juror's own declaration. Allowed even for an entry they already submitted: the sheet stays
   * stored (the audit log keeps it) but no longer counts, because a conflicted juror's marks are
   * excluded wherever sheets are counted.
   */
  'scoring.declareConflict'(ctx, { entryId, reason }) {
    const { competitionId, jurorId } = scorer(ctx);
    return { conflictId: declare(ctx, { competitionId, jurorId, target: { entryId }, reason, declaredBy: 'juror' }) };
  },
};
