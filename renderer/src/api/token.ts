/** The device token a LAN client got at pairing; the desktop window (IPC) needs none. */
export const DEVICE_TOKEN_KEY = 'ruang-juri.deviceToken';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

/** Kiosk mode: the juror switched in on this page (memory only, gone on reload). */
let kioskToken: string | null = null;
export const getKioskToken = (): string | null => kioskToken;
export function setKioskToken(token: string | null): void {
  kioskToken = token;
}

/** The token this page acts with: a switched-in kiosk juror's, else the device's own. */
export function getDeviceToken(): string | null {
  return kioskToken ?? (storage()?.getItem(DEVICE_TOKEN_KEY) || null);
}

export function setDeviceToken(token: string | null): void {
  const store = storage();
  if (!store) return;
  if (token) store.setItem(DEVICE_TOKEN_KEY, token);
  else store.removeItem(DEVICE_TOKEN_KEY);
}
