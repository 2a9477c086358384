import { AppError } from '@shared/api/errors';
import type { HandlerContext, HandlerMap } from '../registry';
import { activeStage, assertCompetition, currentSession, requireEntry, requireOpenSession } from './load';

function announce(ctx: HandlerContext, competitionId: number) {
  const session = currentSession(ctx.db, competitionId)!;
  ctx.emit('session.changed', { competitionId, session });
  return session;
}

export const sessionHandlers: HandlerMap = {
  'session.open'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    if (currentSession(ctx.db, competitionId)?.status === 'open') throw new AppError('CONFLICT', 'sessionAlreadyOpen');
    const stage = activeStage(ctx.db, competitionId);
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
    ctx.db.prepare('UPDATE sessions SET current_entry_id = ? WHERE id = ?').run(entryId, session.id);
    ctx.audit('session.setCurrentEntry', { competitionId, entryId });
    return announce(ctx, competitionId);
  },
};
