import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Results } from '@shared/domain/schemas';
import { computeRanking } from '@shared/scoring/engine';
import type { Actor } from '@shared/domain/actor';
import type { HandlerMap } from '../registry';
import { loadStageScope } from './eligibility';
import { activeStage, assertCompetition, loadCompetitionDetail } from './load';
import { loadSheets } from './sheets';
import { loadDecisions, methodWithDecisions } from './stage-outcome';

/**
 * Ranked results of one stage (by default the active one) from the sheets that count: submitted
 * (drafts never count) and applicable — a scoring juror, an entry of the stage that is still active,
 * the entry's panel, no conflict. Marks stored before a conflict was declared stay in the database
 * but are left out here; withdrawn and disqualified entries are listed without a rank.
 */
export function computeResults(db: Database, actor: Actor, competitionId: number, stageId?: number): Results {
  assertCompetition(db, actor, competitionId);
  const detail = loadCompetitionDetail(db, competitionId);
  const wanted = stageId ?? activeStage(db, competitionId).id;
  const stage = detail.stages.find((s) => s.id === wanted);
  if (!stage) throw new AppError('NOT_FOUND', 'stageNotFound');
  const scope = loadStageScope(db, competitionId, stage.id);
  const criteria = detail.criteria.filter((c) => c.stageId === stage.id);
  const sheets = loadSheets(db, stage.id).filter((s) => s.status === 'submitted' && scope.applies(s.jurorId, s.entryId));
  const jurors = scope.scoringJurors;
  const entries = scope.entries;
  // The chair's tie decisions order this provisional table as they order the results page.
  const decisions = loadDecisions(db, stage.id);
  const rows = computeRanking({
    criteria,
    jurorIds: jurors.map((j) => j.id),
    entries,
    sheets,
    // Totals are printed, and ranked, with the stage method's total decimals.
    decimals: stage.method.rounding.total,
    method: methodWithDecisions(stage.method, decisions),
    decisions: decisions.map((d) => ({ order: d.order, note: d.reason })),
  });
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const order = new Map(entries.map((e, index) => [e.id, index]));
  const byRank = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    (a.rank ?? Infinity) - (b.rank ?? Infinity) || order.get(a.entryId)! - order.get(b.entryId)!;
  return {
    competitionId,
    competitionName: detail.name,
    stageName: stage.name,
    method: { ...stage.method, decimals: stage.method.rounding.total },
    jurors,
    categories: detail.categories.map((category) => ({
      categoryId: category.id,
      name: category.name,
      rows: rows
        .filter((row) => row.categoryId === category.id)
        .sort(byRank)
        .map((row) => {
          const entry = entryById.get(row.entryId)!;
          return {
            entryId: entry.id,
            code: entry.code,
            title: entry.title,
            unit: entry.unit,
            rank: row.rank,
            total: row.total,
            tied: row.tied,
            submittedCount: row.submittedCount,
            jurorTotals: jurors.map((j) => ({ jurorId: j.id, total: row.jurorTotals.get(j.id) ?? null })),
          };
        }),
    })),
  };
}

export const resultsHandlers: HandlerMap = {
  'results.compute': (ctx, { competitionId }) => computeResults(ctx.db, ctx.actor, competitionId),
};
