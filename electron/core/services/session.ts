import { AppError } from '@shared/api/errors';
import { translate } from '@shared/i18n';
import { setupProblems } from './setup-check';
import type { HandlerContext, HandlerMap } from '../registry';
import { assertCompetition, currentSession, requireEntry, requireOpenSession } from './load';
import { endPhaseForStageChange } from './timer';

function announce(ctx: HandlerContext, competitionId: number) {
  const session = currentSession(ctx.db, competitionId)!;
  ctx.emit('session.changed', { competitionId, session });
  return session;
}

export const sessionHandlers: HandlerMap = {
  /** One open session per competition; it scores the given stage, by default the first one. */
  'session.open'(ctx, { competitionId, stageId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    if (currentSession(ctx.db, competitionId)?.status === 'open') throw new AppError('CONFLICT', 'sessionAlreadyOpen');
    const stage = (
      stageId === undefined
        ? ctx.db.prepare('SELECT id, name FROM stages WHERE competition_id = ? ORDER BY position LIMIT 1').get(competitionId)
        : ctx.db.prepare('SELECT id, name FROM stages WHERE competition_id = ? AND id = ?').get(competitionId, stageId)
    ) as { id: number; name: string } | undefined;
    if (!stage) throw new AppError('NOT_FOUND', 'stageNotFound');
    // Scoring starts only on rules that add up: the setup problems of this stage (and missing
    // jurors or entries) block it; later stages may still be unfinished.
    const problems = setupProblems(ctx.db, competitionId).filter((p) =>
      'stage' in p.params ? p.params.stage === stage.name && !p.key.endsWith('advancementOnLastStage') : !p.key.endsWith('stageWeights'),
    );
    if (problems.length) {
      const summary = problems.map((p) => translate(ctx.locale, `errors.${p.key}`, p.params)).join(' ');
      throw new AppError('LOCKED', 'setupIncomplete', { count: problems.length, summary });
    }
    ctx.db.prepare(`INSERT INTO sessions (stage_id, status, opened_at) VALUES (?, 'open', ?)`).run(stage.id, ctx.now);
    ctx.audit('session.open', { competitionId, stageId: stage.id });
    return announce(ctx, competitionId);
  },
  'session.close'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const session = requireOpenSession(ctx.db, competitionId);
    ctx.db.prepare(`UPDATE sessions SET status = 'closed', closed_at = ? WHERE id = ?`).run(ctx.now, session.id);
    ctx.audit('session.close', { competitionId, sessionId: session.id });
    return announce(ctx, competitionId);
  },
  'session.current'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    return currentSession(ctx.db, competitionId);
  },
  'session.setCurrentEntry'(ctx, { competitionId, entryId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const session = requireOpenSession(ctx.db, competitionId);
    if (entryId !== null) requireEntry(ctx.db, competitionId, entryId);
    if (entryId !== session.currentEntryId) endPhaseForStageChange(ctx, competitionId);
    ctx.db.prepare('UPDATE sessions SET current_entry_id = ? WHERE id = ?').run(entryId, session.id);
    ctx.audit('session.setCurrentEntry', { competitionId, entryId });
    return announce(ctx, competitionId);
  },
};
