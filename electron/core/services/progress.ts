import type { HandlerMap } from '../registry';
import { loadStageScope } from './eligibility';
import { activeStage, assertCompetition } from './load';
import { loadSheets } from './sheets';

export const progressHandlers: HandlerMap = {
  /**
   * Progress of the active stage: the scoring jurors, the entries of the stage, and one cell per
   * (juror, entry) pair that applies — not for secretaries, other panels' entries, withdrawn or
   * disqualified entries, or conflicts. A missing cell means "not this juror's to score".
   */
  'progress.get'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const stageId = activeStage(ctx.db, competitionId).id;
    const scope = loadStageScope(ctx.db, competitionId, stageId);
    const status = new Map(loadSheets(ctx.db, stageId).map((s) => [`${s.jurorId}:${s.entryId}`, s.status]));
    const cells = scope.scoringJurors.flatMap((j) =>
      scope.entries
        .filter((e) => scope.applies(j.id, e.id))
        .map((e) => ({ jurorId: j.id, entryId: e.id, status: status.get(`${j.id}:${e.id}`) ?? ('empty' as const) })),
    );
    return {
      jurors: scope.scoringJurors,
      entries: scope.entries,
      cells,
      submittedCount: cells.filter((c) => c.status === 'submitted').length,
      expectedCount: cells.length,
    };
  },
};
