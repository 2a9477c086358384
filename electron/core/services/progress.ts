import type { HandlerMap } from '../registry';
import { activeStage, assertCompetition, loadEntries, loadJurors } from './load';
import { loadSheets } from './sheets';

export const progressHandlers: HandlerMap = {
  'progress.get'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const jurors = loadJurors(ctx.db, competitionId);
    const entries = loadEntries(ctx.db, competitionId);
    const status = new Map(loadSheets(ctx.db, activeStage(ctx.db, competitionId).id).map((s) => [`${s.jurorId}:${s.entryId}`, s.status]));
    const cells = jurors.flatMap((j) => entries.map((e) => ({ jurorId: j.id, entryId: e.id, status: status.get(`${j.id}:${e.id}`) ?? ('empty' as const) })));
    return {
      jurors,
      entries,
      cells,
      submittedCount: cells.filter((c) => c.status === 'submitted').length,
      expectedCount: cells.length,
    };
  },
};
