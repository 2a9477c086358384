import type { Database } from 'better-sqlite3';
import type { Results } from '@shared/domain/schemas';
import { computeRanking } from '@shared/scoring/engine';
import type { Actor } from '@shared/domain/actor';
import type { HandlerMap } from '../registry';
import { activeStage, assertCompetition, loadCompetitionDetail } from './load';
import { loadSheets } from './sheets';

/** Totals are printed, and ranked, with this many decimals (the competition's rounding rule comes later). */
const TOTAL_DECIMALS = 2;

/** Ranked results of the active stage from submitted sheets only; drafts never count. */
export function computeResults(db: Database, actor: Actor, competitionId: number): Results {
  assertCompetition(db, actor, competitionId);
  const detail = loadCompetitionDetail(db, competitionId);
  const stage = activeStage(db, competitionId);
  const criteria = detail.criteria.filter((c) => c.stageId === stage.id);
  const sheets = loadSheets(db, stage.id).filter((s) => s.status === 'submitted');
  const rows = computeRanking({
    criteria,
    jurorIds: detail.jurors.map((j) => j.id),
    entries: detail.entries,
    sheets,
    decimals: TOTAL_DECIMALS,
  });
  const entryById = new Map(detail.entries.map((e) => [e.id, e]));
  const byRank = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    (a.rank ?? Infinity) - (b.rank ?? Infinity) || detail.entries.indexOf(entryById.get(a.entryId)!) - detail.entries.indexOf(entryById.get(b.entryId)!);
  return {
    competitionId,
    competitionName: detail.name,
    stageName: stage.name,
    method: { level: 'total', aggregate: 'mean', decimals: TOTAL_DECIMALS },
    jurors: detail.jurors,
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
            jurorTotals: detail.jurors.map((j) => ({ jurorId: j.id, total: row.jurorTotals.get(j.id) ?? null })),
          };
        }),
    })),
  };
}

export const resultsHandlers: HandlerMap = {
  'results.compute': (ctx, { competitionId }) => computeResults(ctx.db, ctx.actor, competitionId),
};
