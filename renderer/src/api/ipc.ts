import { getKioskToken } from './token';
import type { PreloadBridge, Transport } from './types';

/** Inside Electron: the preload bridge carries the same envelopes over one IPC channel. */
export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'ipc',
    // The window is the organiser; a kiosk juror switched in travels in the envelope (electron/core/services/kiosk.ts).
    invoke(command, input, locale) {
      const kioskToken = getKioskToken();
      return kioskToken ? bridge.invoke(command, input, locale, kioskToken) : bridge.invoke(command, input, locale);
    },
    subscribe: (event, cb) => bridge.subscribe(event, cb),
    // The IPC channel lives as long as the window: nothing is ever missed, nothing to reconnect.
    onReconnect: () => () => {},
  };
}
