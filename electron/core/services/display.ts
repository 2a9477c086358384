import type { HandlerMap } from '../registry';
import { currentSession, requireEntry } from './load';

export const displayHandlers: HandlerMap = {
  'display.state'(ctx) {
    if (ctx.actor.role !== 'display') throw new Error('display.state reached by a non-display actor');
    const { competitionId } = ctx.actor;
    const competition = ctx.db.prepare('SELECT name FROM competitions WHERE id = ?').get(competitionId) as { name: string };
    const session = currentSession(ctx.db, competitionId);
    const currentEntry = session?.currentEntryId ? requireEntry(ctx.db, competitionId, session.currentEntryId) : null;
    return { competitionName: competition.name, session, currentEntry };
  },
};
