/**
 * What still stands between a setup and a scoring session. Each problem is a catalog key under
 * `errors.` (setupCheck.*) with its parameters, so every client shows it in its own language.
 */
import type { Database } from 'better-sqlite3';
import { basisPointsToText } from '@shared/domain/decimal';
import type { HandlerMap } from '../registry';
import { assertCompetition } from './load';
import { count } from './setup-util';

export interface SetupProblem {
  key: string;
  params: Record<string, string | number>;
}

const FULL_BP = 10_000;

export function setupProblems(db: Database, competitionId: number): SetupProblem[] {
  const problems: SetupProblem[] = [];
  const { weights_must_total_100: mustTotal } = db.prepare('SELECT weights_must_total_100 FROM competitions WHERE id = ?').get(competitionId) as {
    weights_must_total_100: number;
  };
  const stages = db
    .prepare(
      `SELECT s.id, s.name, s.weight_bp, s.advancement_kind, COUNT(c.id) AS criteria, COALESCE(SUM(c.weight_bp), 0) AS criteria_bp
       FROM stages s LEFT JOIN criteria c ON c.stage_id = s.id WHERE s.competition_id = ? GROUP BY s.id ORDER BY s.position, s.id`,
    )
    .all(competitionId) as { id: number; name: string; weight_bp: number; advancement_kind: string; criteria: number; criteria_bp: number }[];

  for (const stage of stages) {
    if (stage.criteria === 0) problems.push({ key: 'setupCheck.stageWithoutCriteria', params: { stage: stage.name } });
    else if (mustTotal === 1 && stage.criteria_bp !== FULL_BP)
      problems.push({ key: 'setupCheck.criteriaWeights', params: { stage: stage.name, total: basisPointsToText(stage.criteria_bp) } });
  }
  const stageTotal = stages.reduce((sum, s) => sum + s.weight_bp, 0);
  if (stages.length > 1 && stageTotal !== FULL_BP) problems.push({ key: 'setupCheck.stageWeights', params: { total: basisPointsToText(stageTotal) } });
  const last = stages.at(-1);
  if (last && last.advancement_kind !== 'none') problems.push({ key: 'setupCheck.advancementOnLastStage', params: { stage: last.name } });

  if (count(db, `SELECT COUNT(*) AS n FROM jurors WHERE competition_id = ? AND role IN ('chair', 'member')`, competitionId) === 0)
    problems.push({ key: 'setupCheck.noScoringJuror', params: {} });
  if (count(db, `SELECT COUNT(*) AS n FROM entries WHERE competition_id = ? AND status = 'active'`, competitionId) === 0)
    problems.push({ key: 'setupCheck.noActiveEntries', params: {} });
  return problems;
}

export const setupCheckHandlers: HandlerMap = {
  'setup.check'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    return { problems: setupProblems(ctx.db, competitionId) };
  },
};
