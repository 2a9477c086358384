/**
 * The only bridge between the page and the app: exactly `invoke` and `subscribe`, exposed through
 * contextBridge. No ipcRenderer, no Node: the page stays sandboxed.
 *
 * A sandboxed preload is one self-contained CommonJS file that may require nothing but 'electron':
 * the channel names come from shared/api/channels.ts, which has no runtime imports; the rest of
 * shared/ is imported as types only.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '@shared/api/channels';
import type { PushEnvelope, ReplyEnvelope, RequestEnvelope } from '@shared/api/envelope';
import type { Locale } from '@shared/i18n';

export interface RuangJuriBridge {
  /** kioskToken: the juror switched in on the kiosk page (the core checks it). */
  invoke(command: string, input: unknown, locale?: Locale, kioskToken?: string): Promise<ReplyEnvelope>;
  subscribe(event: string, cb: (payload: unknown) => void): () => void;
}

let counter = 0;
const windowTag = Math.random().toString(36).slice(2, 10);
/** Unique per window: the reply envelope echoes it. */
const nextId = (): string => `ipc-${windowTag}-${(++counter).toString(36)}`;

const bridge: RuangJuriBridge = {
  invoke(command, input, locale, kioskToken) {
    const envelope: RequestEnvelope = { id: nextId(), command: String(command), input, locale, ...(kioskToken ? { kioskToken: String(kioskToken) } : {}) };
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, envelope) as Promise<ReplyEnvelope>;
  },
  subscribe(event, cb) {
    const listener = (_event: IpcRendererEvent, push: PushEnvelope) => {
      if (push && push.event === event) cb(push.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('ruangJuri', bridge);
