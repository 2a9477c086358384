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
import { advancementHandlers } from './services/advancement';
import { authHandlers } from './services/auth';
import { categoryHandlers } from './services/categories';
import { competitionHandlers } from './services/competition';
import { criterionHandlers } from './services/criteria';
import { detailsHandlers } from './services/details';
import { conflictHandlers } from './services/conflicts';
import { dashboardHandlers } from './services/dashboard';
import { deviceHandlers } from './services/device';
import { displayHandlers } from './services/display';
import { documentHandlers } from './services/documents';
import { gradeScaleHandlers } from './services/grade-scales';
import { presetHandlers } from './services/presets';
import { entryHandlers } from './services/entries';
import { jurorHandlers } from './services/jurors';
import { networkHandlers } from './services/network';
import { panelHandlers } from './services/panels';
import { progressHandlers } from './services/progress';
import { resultsHandlers } from './services/results';
import { sampleHandlers } from './services/sample';
import { scoringHandlers } from './services/scoring';
import { sessionHandlers } from './services/session';
import { setupCheckHandlers } from './services/setup-check';
import { stageHandlers } from './services/stages';
import { timerHandlers } from './services/timer';
import { scheduleHandlers } from './services/schedule';
import { transferHandlers } from './services/transfer';
import { windowHandlers } from './services/window';
import { actingActor, authenticateKioskToken, kioskHandlers } from './services/kiosk';
import { paperHandlers } from './services/paper';
import { finaliseHandlers } from './services/finalise';
import { awardHandlers } from './services/awards';
import { reportHandlers } from './services/reports';
import { signingHandlers } from './services/signing';
import { analysisHandlers } from './services/analysis';
import { shellHandlers } from './services/shell';
import { drawnSignatureHandlers } from './services/drawn-signatures';
import { authenticateDevice, isRevokedDeviceToken, setNetworkController } from './pairing';
import { issuePairingToken } from './tokens';
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
    .register('display', displayHandlers)
    .register('details', detailsHandlers)
    .register('categories', categoryHandlers)
    .register('stages', stageHandlers)
    .register('criteria', criterionHandlers)
    .register('presets', presetHandlers)
    .register('gradeScales', gradeScaleHandlers)
    .register('setupCheck', setupCheckHandlers)
    .register('jurors', jurorHandlers)
    .register('panels', panelHandlers)
    .register('entries', entryHandlers)
    .register('conflicts', conflictHandlers)
    .register('advancement', advancementHandlers)
    .register('transfer', transferHandlers)
    .register('sample', sampleHandlers)
    .register('network', networkHandlers)
    .register('timer', timerHandlers)
    .register('schedule', scheduleHandlers)
    .register('dashboard', dashboardHandlers)
    .register('window', windowHandlers)
    .register('kiosk', kioskHandlers)
    .register('paper', paperHandlers)
    .register('finalise', finaliseHandlers)
    .register('awards', awardHandlers)
    .register('reports', reportHandlers)
    .register('signing', signingHandlers)
    .register('analysis', analysisHandlers)
    .register('drawn-signatures', drawnSignatureHandlers)
    .register('shell', shellHandlers);
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
    handle: (actor, request) => dispatcher.handle(actingActor(db, actor, request.kioskToken, now()), request),
    async call(actor, command, input, locale = DEFAULT_LOCALE) {
      const reply = await dispatcher.handle(actor, { id: 'call', command: command as CommandName, input, locale });
      if (reply.ok) return reply.output as never;
      const { code, details } = reply.error;
      throw Object.assign(new AppError(code, details.key, details.params, details.issues), { message: reply.error.message });
    },
    // Paired devices send nearly every request; a kiosk token is looked up only when no device has it.
    authenticate: (token, { seen = true } = {}) => {
      const device = authenticateDevice(db, token, now(), seen);
      return device.role === 'anonymous' ? (authenticateKioskToken(db, token, now(), seen) ?? device) : device;
    },
    isRevokedToken: (token) => isRevokedDeviceToken(db, token),
    setNetworkController: (controller) => setNetworkController(db, controller),
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
