/**
 * One stage scored from the database the way results.compute scores it (submitted, applicable
 * sheets; the stage's own method), with the criteria's bounds so outlier thresholds have a scale.
 * Shared by the analysis page and the chair's live quality figures.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Actor } from '@shared/domain/actor';
import { evaluate, prepare } from '@shared/scoring';
import { stageInputFromCore } from '@shared/scoring/adapter';
import { rational, type Rational } from '@shared/scoring/rational';
import { loadStageScope } from './eligibility';
import { activeStage, assertCompetition, loadCompetitionDetail, loadCriteriaRows } from './load';
import { loadSheets } from './sheets';

const milli = (value: number): Rational => rational(value, 1000);

export function scoreStageFromDb(db: Database, actor: Actor, competitionId: number, stageId: number | undefined) {
  assertCompetition(db, actor, competitionId);
  const detail = loadCompetitionDetail(db, competitionId);
  const stage = detail.stages.find((st) => st.id === (stageId ?? activeStage(db, competitionId).id));
  if (!stage) throw new AppError('NOT_FOUND', 'stageNotFound');
  const scope = loadStageScope(db, competitionId, stage.id);
  const rows = loadCriteriaRows(db, stage.id);
  const sheets = loadSheets(db, stage.id).filter((sh) => sh.status === 'submitted' && scope.applies(sh.jurorId, sh.entryId));
  const input = stageInputFromCore(
    { criteria: rows.map((r) => ({ id: r.id, weightBp: r.weight_bp })), jurorIds: scope.scoringJurors.map((j) => j.id), entries: scope.entries, sheets },
    stage.method,
  );
  // The criteria's bounds give the outlier threshold its scale (a share of max − min), as quality.live does.
  const withBounds = { ...input, criteria: input.criteria.map((c, i) => ({ ...c, min: milli(rows[i].min_milli), max: milli(rows[i].max_milli) })) };
  const prep = prepare(withBounds);
  const score = evaluate(prep, stage.method);
  const jurorIndex = new Map(prep.jurors.map((id, j) => [id, j]));
  return { detail, stage, scope, rows, prep, score, jurorIndex };
}
