/**
 * The IPC bridge: one invoke channel carrying the same request/reply envelopes as HTTP, and one push
 * channel. The control window is the organiser; the stage display window is a read-only display
 * device of the competition it was opened for (so it can never change anything); requests from any
 * other sender are refused.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, requestEnvelope, type ReplyEnvelope } from '@shared/api/envelope';
import type { ErrorCode } from '@shared/api/errors';
import { ORGANISER, type Actor } from '@shared/domain/actor';
import { DEFAULT_LOCALE, isLocale, translate, type Locale } from '@shared/i18n';
import type { Core } from '../core/types';

/** The parts of a BrowserWindow the bridge needs. */
export interface BridgeWindow {
  isDestroyed(): boolean;
  webContents: Pick<WebContents, 'send' | 'isDestroyed' | 'mainFrame'>;
}

export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Pick<Core, 'handle' | 'subscribe'>;
  /** The app's (control) window, or null while there is none. */
  getWindow: () => BridgeWindow | null;
  /** The stage display window and the competition it shows, or null while there is none. */
  getStageWindow?: () => { window: BridgeWindow; competitionId: number } | null;
  /** Whether a frame URL is the app's own page (see window.ts isAppUrl). */
  isAppUrl: (url: string) => boolean;
}

const failure = (id: string, code: ErrorCode, key: string, locale: Locale): ReplyEnvelope => ({
  id,
  ok: false,
  error: { code, message: translate(locale, `errors.${key}`), details: { key } },
});

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** Sent by the main frame of `window`, showing the app's own page? */
function isFromWindow(event: SenderEvent, window: BridgeWindow | null | undefined, isAppUrl: (url: string) => boolean): boolean {
  if (!window || window.isDestroyed()) return false;
  if (event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== window.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

/** Only the main frame of the app's own control window, showing the app's own page, may act as the organiser. */
export function isTrustedSender(event: SenderEvent, options: Pick<IpcBridgeOptions, 'getWindow' | 'isAppUrl'>): boolean {
  return isFromWindow(event, options.getWindow(), options.isAppUrl);
}

/** Who a request comes from: the organiser (control window), a display (stage window), or nobody trusted (null). */
export function senderActor(event: SenderEvent, options: Pick<IpcBridgeOptions, 'getWindow' | 'getStageWindow' | 'isAppUrl'>): Actor | null {
  if (isTrustedSender(event, options)) return ORGANISER;
  const stage = options.getStageWindow?.();
  if (stage && isFromWindow(event, stage.window, options.isAppUrl)) return { role: 'display', competitionId: stage.competitionId };
  return null;
}

function sendTo(window: BridgeWindow | null | undefined, push: unknown): void {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(IPC_EVENT_CHANNEL, push);
}

/** Registers the invoke handler and forwards the organiser's pushes; returns a function that undoes both. */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { ipcMain, core, getWindow, getStageWindow } = options;

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, raw: unknown): Promise<ReplyEnvelope> => {
    const loose = (raw ?? {}) as { id?: unknown; locale?: unknown };
    const id = typeof loose.id === 'string' ? loose.id.slice(0, 64) : '';
    const locale = isLocale(loose.locale) ? loose.locale : DEFAULT_LOCALE;
    const actor = senderActor(event, options);
    if (!actor) return failure(id, 'FORBIDDEN', 'forbidden', locale);
    const parsed = requestEnvelope.safeParse(raw);
    if (!parsed.success) return failure(id, 'VALIDATION', 'badEnvelope', locale);
    try {
      return await core.handle(actor, parsed.data);
    } catch (error) {
      // core.handle never throws by contract; a bug must still not leak a stack trace to the page.
      console.error('[ruang-juri] IPC handler failed:', error);
      return failure(id, 'INTERNAL', 'internal', locale);
    }
  });

  const unsubscribe = core.subscribe((push, canReceive) => {
    if (canReceive(ORGANISER)) sendTo(getWindow(), push);
    const stage = getStageWindow?.();
    if (stage && canReceive({ role: 'display', competitionId: stage.competitionId })) sendTo(stage.window, push);
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}
