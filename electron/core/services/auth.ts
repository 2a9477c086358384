import type { Database } from 'better-sqlite3';
import type { Actor } from '@shared/domain/actor';
import type { ActorView } from '@shared/domain/schemas';
import type { HandlerMap } from '../registry';
import { pairDevice } from './network';

function actorView(db: Database, actor: Actor): ActorView {
  if (actor.role !== 'juror' && actor.role !== 'chair') return actor;
  const juror = db.prepare('SELECT name FROM jurors WHERE id = ?').get(actor.jurorId) as { name: string };
  return { ...actor, name: juror.name };
}

export const authHandlers: HandlerMap = {
  // A juror with a PIN types it here too (services/network.ts: pairDevice).
  'auth.pair'(ctx, { token, pin }) {
    return pairDevice(ctx, { token }, pin);
  },
  'auth.whoami'(ctx) {
    return { actor: actorView(ctx.db, ctx.actor) };
  },
};
