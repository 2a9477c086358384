/**
 * The IPC bridge: one invoke channel carrying the same request/reply envelopes as HTTP, and one push
 * channel. The desktop window is the organiser; requests from any other sender are refused.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, requestEnvelope, type ReplyEnvelope } from '@shared/api/envelope';
import type { ErrorCode } from '@shared/api/errors';
import { ORGANISER } from '@shared/domain/actor';
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
  /** The app's window, or null while there is none. */
  getWindow: () => BridgeWindow | null;
  /** Whether a frame URL is the app's own page (see window.ts isAppUrl). */
  isAppUrl: (url: string) => boolean;
}

const failure = (id: string, code: ErrorCode, key: string, locale: Locale): ReplyEnvelope => ({
  id,
  ok: false,
  error: { code, message: translate(locale, `errors.${key}`), details: { key } },
});

/** Only the main frame of the app's own window, showing the app's own page, may call the core. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, options: Pick<IpcBridgeOptions, 'getWindow' | 'isAppUrl'>): boolean {
  const window = options.getWindow();
  if (!window || window.isDestroyed()) return false;
  if (event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== window.webContents.mainFrame) return false;
  return options.isAppUrl(frame.url);
}

/** Registers the invoke handler and forwards the organiser's pushes; returns a function that undoes both. */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { ipcMain, core, getWindow } = options;

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, raw: unknown): Promise<ReplyEnvelope> => {
    const loose = (raw ?? {}) as { id?: unknown; locale?: unknown };
    const id = typeof loose.id === 'string' ? loose.id.slice(0, 64) : '';
    const locale = isLocale(loose.locale) ? loose.locale : DEFAULT_LOCALE;
    if (!isTrustedSender(event, options)) return failure(id, 'FORBIDDEN', 'forbidden', locale);
    const parsed = requestEnvelope.safeParse(raw);
    if (!parsed.success) return failure(id, 'VALIDATION', 'badEnvelope', locale);
    try {
      return await core.handle(ORGANISER, parsed.data);
    } catch (error) {
      // core.handle never throws by contract; a bug must still not leak a stack trace to the page.
      console.error('[ruang-juri] IPC handler failed:', error);
      return failure(id, 'INTERNAL', 'internal', locale);
    }
  });

  const unsubscribe = core.subscribe((push, canReceive) => {
    if (!canReceive(ORGANISER)) return;
    const window = getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(IPC_EVENT_CHANNEL, push);
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}
