/**
 * Awards and grades of a stage (issue 6): the scheme (an award scale by rank, a grade scale by total),
 * the chair's tie decisions and manual awards. Each change is logged with its reason and refused while
 * the stage is final; the result they produce is computed in stage-outcome.ts.
 */
import { AppError } from '@shared/api/errors';
import { actorLabel } from '@shared/domain/actor';
import type { HandlerContext, HandlerMap } from '../registry';
import { assertStageNotFinal } from './snapshots';
import { stageOutcome, tieKey, type StageOutcome } from './stage-outcome';

function editable(ctx: HandlerContext, competitionId: number, stageId: number): StageOutcome {
  const outcome = stageOutcome(ctx.db, ctx.actor, competitionId, stageId);
  assertStageNotFinal(ctx.db, stageId);
  return outcome;
}

function changed(ctx: HandlerContext, competitionId: number, stageId: number) {
  ctx.emit('results.changed', { competitionId, stageId });
  return stageOutcome(ctx.db, ctx.actor, competitionId, stageId).view;
}

export const awardHandlers: HandlerMap = {
  'results.setScheme'(ctx, { competitionId, stageId, awardScaleId, gradeScaleId }) {
    const { detail } = editable(ctx, competitionId, stageId);
    const scale = (id: number | null, kind: 'award' | 'grade') => {
      if (id === null) return null;
      const found = detail.gradeScales.find((s) => s.id === id);
      if (!found) throw new AppError('NOT_FOUND', 'gradeScaleNotFound');
      if (found.kind !== kind) throw new AppError('VALIDATION', kind === 'award' ? 'notAnAwardScale' : 'notAGradeScale', { name: found.name });
      return found.name;
    };
    const awardScale = scale(awardScaleId, 'award');
    const gradeScale = scale(gradeScaleId, 'grade');
    ctx.db
      .prepare(
        `INSERT INTO stage_award_schemes (stage_id, award_scale_id, grade_scale_id) VALUES (?, ?, ?)
         ON CONFLICT (stage_id) DO UPDATE SET award_scale_id = excluded.award_scale_id, grade_scale_id = excluded.grade_scale_id`,
      )
      .run(stageId, awardScaleId, gradeScaleId);
    ctx.audit('results.setScheme', { competitionId, stageId, awardScale, gradeScale });
    return changed(ctx, competitionId, stageId);
  },

  /**
   * The entries must share one printed total in the category (a decision orders a tie, it never
   * overturns totals); the order then feeds the engine's `chair` tie-break and the file's `decisions`.
   */
  'results.decideTie'(ctx, { competitionId, stageId, categoryId, order, reason }) {
    const { view, entryResults } = editable(ctx, competitionId, stageId);
    if (order.length < 2 || new Set(order).size !== order.length) throw new AppError('VALIDATION', 'tieNeedsTwo');
    const category = view.categories.find((c) => c.categoryId === categoryId);
    if (!category) throw new AppError('NOT_FOUND', 'categoryNotFound');
    const rows = order.map((entryId) => category.rows.find((r) => r.entryId === entryId && r.status === 'ranked'));
    if (rows.some((r) => !r)) throw new AppError('VALIDATION', 'tieEntryNotRanked');
    const totals = new Set(order.map((entryId) => entryResults.get(entryId)!.total));
    if (totals.size !== 1) throw new AppError('VALIDATION', 'tieTotalsDiffer');
    ctx.db
      .prepare(
        `INSERT INTO tie_decisions (stage_id, category_id, tie_key, order_json, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (stage_id, category_id, tie_key) DO UPDATE SET order_json = excluded.order_json, reason = excluded.reason,
           decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      )
      .run(stageId, categoryId, tieKey(order), JSON.stringify(order), reason, actorLabel(ctx.actor), ctx.now);
    ctx.audit('results.decideTie', { competitionId, stageId, categoryId, order, codes: rows.map((r) => r!.code), reason });
    return changed(ctx, competitionId, stageId);
  },

  'results.overrideAward'(ctx, { competitionId, stageId, entryId, label, reason }) {
    const { view } = editable(ctx, competitionId, stageId);
    const row = view.categories.flatMap((c) => c.rows).find((r) => r.entryId === entryId);
    if (!row) throw new AppError('NOT_FOUND', 'entryNotFound');
    if (label === null) {
      ctx.db.prepare('DELETE FROM award_overrides WHERE stage_id = ? AND entry_id = ?').run(stageId, entryId);
    } else {
      ctx.db
        .prepare(
          `INSERT INTO award_overrides (stage_id, entry_id, label, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (stage_id, entry_id) DO UPDATE SET label = excluded.label, reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
        )
        .run(stageId, entryId, label, reason, actorLabel(ctx.actor), ctx.now);
    }
    ctx.audit('results.overrideAward', { competitionId, stageId, entryId, code: row.code, from: row.award, to: label, reason });
    return changed(ctx, competitionId, stageId);
  },
};
