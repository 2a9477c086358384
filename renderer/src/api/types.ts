import type { ReplyEnvelope } from '@shared/api/envelope';
import type { Locale } from '@shared/i18n';

/** What the window exposes inside Electron (electron/preload): exactly these two functions. */
export interface PreloadBridge {
  invoke(command: string, input: unknown, locale?: Locale, kioskToken?: string): Promise<ReplyEnvelope>;
  subscribe(event: string, cb: (payload: unknown) => void): () => void;
}

/** A way to reach the core: IPC inside Electron, HTTP + WebSocket in a browser. */
export interface Transport {
  readonly kind: 'ipc' | 'http' | 'fake';
  invoke(command: string, input: unknown, locale: Locale): Promise<ReplyEnvelope>;
  subscribe(event: string, cb: (payload: unknown) => void): () => void;
  /** Called after the push channel came back, when events may have been missed. */
  onReconnect(cb: () => void): () => void;
  /** The device token changed (pairing): reopen the push channel with it. */
  refreshIdentity?(): void;
}

declare global {
  interface Window {
    ruangJuri?: PreloadBridge;
  }
}
