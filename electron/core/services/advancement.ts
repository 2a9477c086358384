/**
 * Advancement: a stage's results decide which entries take part in the next stage (desk evaluation
 * → finalists' presentations). Rules:
 * - topN: the top N ranked entries of EACH category. Entries tied at the cut-off all advance (a
 *   tie shares its rank, and every entry ranked N or better goes through), so TOP 3 may send four.
 * - passingGrade: every ranked entry whose total, as printed on the recap, is at least the grade;
 *   compared exactly in milli-points, so 85.00 passes a grade of 85.
 * Unranked entries (no submitted sheet, withdrawn, disqualified) never advance.
 */
import { AppError } from '@shared/api/errors';
import { parseMilli } from '@shared/domain/decimal';
import type { HandlerMap } from '../registry';
import { requireStage } from './setup-util';
import { computeResults } from './results';

export const advancementHandlers: HandlerMap = {
  'stage.applyAdvancement'(ctx, { stageId }) {
    const { db } = ctx;
    const stage = requireStage(ctx, stageId);
    const competitionId = stage.competition_id;
    const rule = db.prepare('SELECT advancement_kind AS kind, advancement_value AS value FROM stages WHERE id = ?').get(stageId) as {
      kind: 'none' | 'topN' | 'passingGrade';
      value: number;
    };
    if (rule.kind === 'none') throw new AppError('CONFLICT', 'advancementNone', { stage: stage.name });
    const next = db.prepare('SELECT id, name FROM stages WHERE competition_id = ? AND position > ? ORDER BY position LIMIT 1').get(competitionId, stage.position) as
      | { id: number; name: string }
      | undefined;
    if (!next) throw new AppError('CONFLICT', 'noNextStage', { stage: stage.name });
    if (db.prepare(`SELECT 1 FROM sessions WHERE stage_id = ? AND status = 'open'`).get(stageId))
      throw new AppError('CONFLICT', 'stageSessionOpen', { stage: stage.name });
    // Replacing the list under jurors who have started scoring it would orphan their sheets.
    if (db.prepare('SELECT 1 FROM sheets WHERE stage_id = ? LIMIT 1').get(next.id)) throw new AppError('CONFLICT', 'nextStageStarted', { stage: next.name });

    const results = computeResults(db, ctx.actor, competitionId, stageId);
    const passes = (row: { rank: number | null; total: string | null }): boolean =>
      row.rank !== null && (rule.kind === 'topN' ? row.rank <= rule.value : parseMilli(row.total!)! >= rule.value);
    const advancedEntryIds = results.categories.flatMap((category) => category.rows.filter(passes).map((row) => row.entryId));

    db.prepare('DELETE FROM stage_entries WHERE stage_id = ?').run(next.id);
    const insert = db.prepare('INSERT INTO stage_entries (stage_id, entry_id, panel_id) VALUES (?, ?, NULL)');
    for (const entryId of advancedEntryIds) insert.run(next.id, entryId);
    db.prepare('UPDATE stages SET advancement_applied_at = ? WHERE id = ?').run(ctx.now, stageId);

    ctx.audit('stage.applyAdvancement', { competitionId, stageId, nextStageId: next.id, rule, advancedEntryIds });
    ctx.emit('competition.changed', { competitionId });
    return { nextStageId: next.id, advancedEntryIds };
  },
};
