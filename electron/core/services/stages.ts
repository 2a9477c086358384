/**
 * Stages (Tahap): ordered, weighted, each with an advancement rule to the next. The first stage
 * holds every entry; a later stage starts empty and is filled by the previous stage's advancement.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { parseMilli, parseScaled } from '@shared/domain/decimal';
import type { StageMethod } from '@shared/domain/method';
import type { HandlerContext, HandlerMap } from '../registry';
import { assertCompetition } from './load';
import {
  applyOrder,
  changed,
  count,
  nextPosition,
  orderAfterMove,
  refuseDuplicateName,
  renumber,
  requireStage,
  stageMarkCount,
  stageSessionCount,
  type StageRow,
} from './setup-util';

const STAGES = { table: 'stages', scope: 'competition_id' } as const;

/** Refuses deleting or moving a stage that jurors have scored or a session has run on. */
function refuseUsedStage(db: Database, stage: { id: number; name: string }): void {
  if (stageMarkCount(db, stage.id) > 0 || count(db, 'SELECT COUNT(*) AS n FROM sheets WHERE stage_id = ?', stage.id) > 0)
    throw new AppError('CONFLICT', 'stageHasMarks', { name: stage.name });
  if (stageSessionCount(db, stage.id) > 0) throw new AppError('CONFLICT', 'stageHasSessions', { name: stage.name });
}

/**
 * Keeps "the first stage holds every entry" when another stage becomes first: it takes over the
 * old first stage's list (with its panel assignments) plus any entry missing from it, and the old
 * first stage, now a later one, starts empty until an advancement fills it.
 */
function handOverFirstStage(db: Database, competitionId: number, oldFirstId: number, newFirstId: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO stage_entries (stage_id, entry_id, panel_id) SELECT ?, entry_id, panel_id FROM stage_entries WHERE stage_id = ?`,
  ).run(newFirstId, oldFirstId);
  db.prepare('INSERT OR IGNORE INTO stage_entries (stage_id, entry_id) SELECT ?, id FROM entries WHERE competition_id = ?').run(newFirstId, competitionId);
  db.prepare('DELETE FROM stage_entries WHERE stage_id = ?').run(oldFirstId);
}

const stagesOf = (db: Database, competitionId: number): StageRow[] =>
  db.prepare('SELECT id, competition_id, name, position FROM stages WHERE competition_id = ? ORDER BY position, id').all(competitionId) as StageRow[];

/** A `criterion:<id>` tie-break must name a criterion of this stage. */
function refuseForeignTieBreakCriteria(ctx: HandlerContext, stageId: number | undefined, method: StageMethod): void {
  const own = new Set(
    stageId === undefined ? [] : (ctx.db.prepare('SELECT id FROM criteria WHERE stage_id = ?').all(stageId) as { id: number }[]).map((c) => c.id),
  );
  const issues = method.tieBreak.flatMap((rule, index) =>
    rule.startsWith('criterion:') && !own.has(Number(rule.slice('criterion:'.length)))
      ? [{ path: `method.tieBreak.${index}`, message: 'validation.unknownTieBreakCriterion' }]
      : [],
  );
  if (issues.length) throw new AppError('VALIDATION', 'invalidInput', {}, issues);
}

export const stageHandlers: HandlerMap = {
  'stage.save'(ctx, { competitionId, id, name, weight, advancement, method }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const existing = stagesOf(ctx.db, competitionId);
    if (id !== undefined && !existing.some((s) => s.id === id)) throw new AppError('NOT_FOUND', 'stageNotFound');
    refuseDuplicateName(existing, name, id);
    // The schema has checked that the weight and the passing grade parse.
    const weightBp = parseScaled(weight, 2)!;
    const value = advancement.kind === 'topN' ? advancement.n : advancement.kind === 'passingGrade' ? parseMilli(advancement.grade)! : null;
    if (method) refuseForeignTieBreakCriteria(ctx, id, method);
    let stageId = id;
    if (stageId === undefined) {
      const info = ctx.db
        .prepare('INSERT INTO stages (competition_id, name, position, weight_bp, advancement_kind, advancement_value) VALUES (?, ?, ?, ?, ?, ?)')
        .run(competitionId, name, nextPosition(ctx.db, STAGES, competitionId), weightBp, advancement.kind, value);
      stageId = Number(info.lastInsertRowid);
    } else {
      // A different rule makes the applied list stale: the stage no longer shows it as applied.
      ctx.db
        .prepare(
          `UPDATE stages SET name = ?, weight_bp = ?, advancement_kind = ?, advancement_value = ?,
             advancement_applied_at = CASE WHEN advancement_kind IS ? AND advancement_value IS ? THEN advancement_applied_at END
           WHERE id = ?`,
        )
        .run(name, weightBp, advancement.kind, value, advancement.kind, value, stageId);
    }
    // The method may change after scoring (results are recomputed); the audit row records it.
    if (method) ctx.db.prepare('UPDATE stages SET method_json = ? WHERE id = ?').run(JSON.stringify(method), stageId);
    return changed(ctx, competitionId, 'stage.save', { stageId, name, weightBp, advancement, method, created: id === undefined });
  },

  'stage.delete'(ctx, { stageId }) {
    const stage = requireStage(ctx, stageId);
    const stages = stagesOf(ctx.db, stage.competition_id);
    if (stages.length <= 1) throw new AppError('CONFLICT', 'lastStage');
    refuseUsedStage(ctx.db, stage);
    if (stages[0].id === stageId) handOverFirstStage(ctx.db, stage.competition_id, stageId, stages[1].id);
    ctx.db.prepare('DELETE FROM stages WHERE id = ?').run(stageId);
    renumber(ctx.db, STAGES, stage.competition_id);
    return changed(ctx, stage.competition_id, 'stage.delete', { stageId, name: stage.name });
  },

  'stage.move'(ctx, { stageId, position }) {
    const stage = requireStage(ctx, stageId);
    const before = stagesOf(ctx.db, stage.competition_id);
    const after = orderAfterMove(ctx.db, STAGES, stage.competition_id, stageId, position);
    // Only stages whose place changes need to be free of scores and sessions.
    for (const [index, id] of after.entries()) {
      if (before[index].id !== id) refuseUsedStage(ctx.db, before.find((s) => s.id === id)!);
    }
    if (before[0].id !== after[0]) handOverFirstStage(ctx.db, stage.competition_id, before[0].id, after[0]);
    applyOrder(ctx.db, STAGES, after);
    return changed(ctx, stage.competition_id, 'stage.move', { stageId, from: stage.position, to: after.indexOf(stageId) });
  },
};
