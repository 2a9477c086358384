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
    const latePending = new Set(
      (ctx.db.prepare(`SELECT juror_id, entry_id FROM late_submissions WHERE stage_id = ? AND status = 'pending'`).all(stageId) as { juror_id: number; entry_id: number }[]).map(
        (r) => `${r.juror_id}:${r.entry_id}`,
      ),
    );
    const cells = scope.scoringJurors.flatMap((j) =>
      scope.entries
        .filter((e) => scope.applies(j.id, e.id))
        .map((e) => {
          const key = `${j.id}:${e.id}`;
          const cellStatus = status.get(key) ?? ('empty' as const);
          // A late row older than a submitted sheet is history (see sheet-extras.ts).
          return { jurorId: j.id, entryId: e.id, status: cellStatus, ...(latePending.has(key) && cellStatus !== 'submitted' && { latePending: true as const }) };
        }),
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
