import type { Session } from '@shared/domain/schemas';
import { networkController } from '../pairing';
import { afterCommit, type HandlerContext, type HandlerMap } from '../registry';
import { assertCompetition, currentSession, requireEntry } from './load';
import { nextUpEntryId, stageHasSchedule } from './schedule';
import { stageEntries } from './timer';

/**
 * "Next up" follows the running order of the open session's stage; a stage without a schedule
 * falls back to the entry list (as the timer does). A closed day calls no one.
 */
function nextUp(ctx: HandlerContext, competitionId: number, session: Session | null) {
  if (session?.status !== 'open') return null;
  if (!stageHasSchedule(ctx.db, session.stageId)) return stageEntries(ctx, competitionId).nextEntry;
  const nextId = nextUpEntryId(ctx.db, session.stageId, session.currentEntryId);
  return nextId === null ? null : requireEntry(ctx.db, competitionId, nextId);
}

export const displayHandlers: HandlerMap = {
  'display.state'(ctx) {
    if (ctx.actor.role !== 'display') throw new Error('display.state reached by a non-display actor');
    const { competitionId } = ctx.actor;
    const competition = ctx.db.prepare('SELECT name, logo FROM competitions WHERE id = ?').get(competitionId) as { name: string; logo: string | null };
    const session = currentSession(ctx.db, competitionId);
    const currentEntry = session?.currentEntryId ? requireEntry(ctx.db, competitionId, session.currentEntryId) : null;
    return { competitionName: competition.name, logo: competition.logo, session, currentEntry, nextEntry: nextUp(ctx, competitionId, session) };
  },

  'display.openStageWindow'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const shell = networkController(ctx.db);
    // The window opens after the (read-only) transaction, never inside it.
    return afterCommit(async () => ({ opened: shell?.openStageDisplay?.(competitionId) ?? false }));
  },
};
