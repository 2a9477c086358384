import type { Database } from 'better-sqlite3';
import type { Actor } from '@shared/domain/actor';
import type { ActorView } from '@shared/domain/schemas';
import type { HandlerMap } from '../registry';
import { redeemPairingToken } from '../tokens';

function actorView(db: Database, actor: Actor): ActorView {
  if (actor.role !== 'juror' && actor.role !== 'chair') return actor;
  const juror = db.prepare('SELECT name FROM jurors WHERE id = ?').get(actor.jurorId) as { name: string };
  return { ...actor, name: juror.name };
}

export const authHandlers: HandlerMap = {
  'auth.pair'(ctx, { token }) {
    const { deviceToken, actor } = redeemPairingToken(ctx.db, ctx.now, token);
    ctx.audit('auth.pair', { actor });
    return { deviceToken, actor: actorView(ctx.db, actor) };
  },
  'auth.whoami'(ctx) {
    return { actor: actorView(ctx.db, ctx.actor) };
  },
};
