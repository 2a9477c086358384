/**
 * Chair and secretariat dashboard (issue 5): reopening a submitted sheet (with a logged reason) and
 * the scoring engine's quality figures, live, for the chair and the organiser only.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { actorLabel } from '@shared/domain/actor';
import { fixedText, qualityFigures } from '@shared/scoring';
import { abs, compare, mul, rational, sqrtTo } from '@shared/scoring/rational';
import type { HandlerMap } from '../registry';
import { activeStage, assertCompetition, requireEntry, requireOpenSession } from './load';
import { loadSheets, toSheet } from './sheets';
import { scoreStageFromDb } from './stage-score';
import { assertStageNotFinal } from './snapshots';

/** A juror's mean offset from the others is flagged from a tenth of the total's range on. */
export const SEVERITY_SHARE = rational(1, 10);

function loadReopenings(db: Database, stageId: number) {
  return (
    db
      .prepare('SELECT entry_id, juror_id, reason, reopened_by, reopened_at FROM sheet_reopenings WHERE stage_id = ? ORDER BY id')
      .all(stageId) as { entry_id: number; juror_id: number; reason: string; reopened_by: string; reopened_at: string }[]
  ).map((r) => ({ entryId: r.entry_id, jurorId: r.juror_id, reason: r.reason, reopenedBy: r.reopened_by, reopenedAt: r.reopened_at }));
}


export const dashboardHandlers: HandlerMap = {
  'sheet.reopen'(ctx, { competitionId, entryId, jurorId, reason }) {
    const { db } = ctx;
    assertCompetition(db, ctx.actor, competitionId);
    const session = requireOpenSession(db, competitionId);
    assertStageNotFinal(db, session.stageId);
    requireEntry(db, competitionId, entryId);
    if (!db.prepare('SELECT 1 FROM jurors WHERE id = ? AND competition_id = ?').get(jurorId, competitionId)) throw new AppError('NOT_FOUND', 'jurorNotFound');
    const [sheet] = loadSheets(db, session.stageId, { jurorId, entryId });
    if (sheet?.status !== 'submitted') throw new AppError('CONFLICT', 'sheetNotSubmitted');

    db.prepare(`UPDATE sheets SET status = 'draft', updated_at = ?, submitted_at = NULL WHERE stage_id = ? AND entry_id = ? AND juror_id = ?`).run(
      ctx.now,
      session.stageId,
      entryId,
      jurorId,
    );
    db.prepare('INSERT INTO sheet_reopenings (stage_id, entry_id, juror_id, reason, reopened_by, reopened_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      session.stageId,
      entryId,
      jurorId,
      reason,
      actorLabel(ctx.actor),
      ctx.now,
    );
    ctx.audit('sheet.reopen', { competitionId, stageId: session.stageId, entryId, jurorId, reason });
    ctx.emit('sheet.changed', { competitionId, entryId, jurorId, status: 'draft' });
    ctx.emit('sheet.reopened', { competitionId, entryId, jurorId, reason });
    return toSheet(loadSheets(db, session.stageId, { jurorId, entryId })[0]);
  },

  'sheet.reopenings'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    return loadReopenings(ctx.db, activeStage(ctx.db, competitionId).id);
  },

  /** Computed on demand from the sheets that count (submitted, applicable) of the active stage. */
  'quality.live'(ctx, { competitionId }) {
    const { db } = ctx;
    assertCompetition(db, ctx.actor, competitionId);
    const { stage, rows, prep, score } = scoreStageFromDb(db, ctx.actor, competitionId, undefined);
    const q = qualityFigures(prep, stage.method, score);

    const weightSum = rows.reduce((acc, r) => acc + r.weight_bp, 0);
    const totalRange = weightSum ? rational(rows.reduce((acc, r) => acc + r.weight_bp * (r.max_milli - r.min_milli), 0), weightSum * 1000) : rational(0);
    const limit = mul(SEVERITY_SHARE, totalRange);
    return {
      stageName: stage.name,
      severityThreshold: fixedText(SEVERITY_SHARE, 2),
      outlierThreshold: fixedText(q.outlierThreshold, 2),
      jurors: q.jurors.map((j) => ({
        jurorId: Number(j.juror),
        entries: j.entries,
        shared: j.shared,
        severity: j.severity && fixedText(j.severity, 2),
        spread: j.variance && fixedText(sqrtTo(j.variance, 6), 2),
        outliers: j.outliers,
        flag: j.severity && limit.num > 0n && compare(abs(j.severity), limit) >= 0 ? (j.severity.num < 0n ? ('harsh' as const) : ('lenient' as const)) : null,
      })),
      outliers: q.outliers.map((o) => ({
        entryId: Number(o.entry),
        jurorId: Number(o.juror),
        criterionId: Number(o.criterion),
        value: fixedText(o.value, 3),
        othersMedian: fixedText(o.othersMedian, 3),
        deviation: fixedText(o.deviation, 3),
      })),
    };
  },
};
