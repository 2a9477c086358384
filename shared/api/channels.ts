/**
 * Transport names, kept free of runtime imports so the sandboxed preload (one self-contained CJS
 * file that may require only 'electron') can bundle them.
 */
export const IPC_INVOKE_CHANNEL = 'ruang-juri:invoke';
export const IPC_EVENT_CHANNEL = 'ruang-juri:event';
export const HTTP_API_PREFIX = '/api/';
export const WS_EVENTS_PATH = '/events';
