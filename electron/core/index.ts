/**
 * createCore({ dataDir }): the whole application without Electron — database, handlers,
 * dispatch and push events. electron/main, the LAN server and the CLI all drive this.
 */
import type { CommandName } from '@shared/api/contract';
import type { PushEnvelope } from '@shared/api/envelope';
import { AppError } from '@shared/api/errors';
import { ORGANISER, type Actor } from '@shared/domain/actor';
import { DEFAULT_LOCALE } from '@shared/i18n';
import { openDatabase } from './db/open';
import { canReceive, createDispatcher } from './dispatch';
import { HandlerRegistry } from './registry';
import { authHandlers } from './services/auth';
import { competitionHandlers } from './services/competition';
import { deviceHandlers } from './services/device';
import { displayHandlers } from './services/display';
import { documentHandlers } from './services/documents';
import { progressHandlers } from './services/progress';
import { resultsHandlers } from './services/results';
import { scoringHandlers } from './services/scoring';
import { sessionHandlers } from './services/session';
import { actorForDeviceToken, issuePairingToken } from './tokens';
import type { Core, CoreOptions, PushListener } from './types';

export type { Core, CoreOptions } from './types';

export function createRegistry(): HandlerRegistry {
  return new HandlerRegistry()
    .register('auth', authHandlers)
    .register('competition', competitionHandlers)
    .register('device', deviceHandlers)
    .register('session', sessionHandlers)
    .register('scoring', scoringHandlers)
    .register('progress', progressHandlers)
    .register('results', resultsHandlers)
    .register('documents', documentHandlers)
    .register('display', displayHandlers);
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? Date.now;
  const db = openDatabase(options.dataDir);
  const listeners = new Set<PushListener>();
  let publicUrl: string | null = null;
  const dispatcher = createDispatcher({
    db,
    registry: createRegistry(),
    now,
    publicUrl: () => publicUrl,
    publish: (push: PushEnvelope) => {
      for (const listener of listeners) listener(push, (actor: Actor) => canReceive(actor, push));
    },
  });

  return {
    dataDir: options.dataDir,
    handle: (actor, request) => dispatcher.handle(actor, request),
    async call(actor, command, input, locale = DEFAULT_LOCALE) {
      const reply = await dispatcher.handle(actor, { id: 'call', command: command as CommandName, input, locale });
      if (reply.ok) return reply.output as never;
      const { code, details } = reply.error;
      throw Object.assign(new AppError(code, details.key, details.params, details.issues), { message: reply.error.message });
    },
    authenticate: (token) => actorForDeviceToken(db, token),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    issueOrganiserToken: () =>
      db.transaction(() => issuePairingToken(db, new Date(now()).toISOString(), { role: 'organiser', competition_id: null, juror_id: null }))(),
    setPublicUrl(url) {
      publicUrl = url;
    },
    close() {
      listeners.clear();
      db.close();
    },
  };
}

export { ORGANISER };
