/** The device token a LAN client got at pairing; the desktop window (IPC) needs none. */
export const DEVICE_TOKEN_KEY = 'ruang-juri.deviceToken';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

export function getDeviceToken(): string | null {
  return storage()?.getItem(DEVICE_TOKEN_KEY) || null;
}

export function setDeviceToken(token: string | null): void {
  const store = storage();
  if (!store) return;
  if (token) store.setItem(DEVICE_TOKEN_KEY, token);
  else store.removeItem(DEVICE_TOKEN_KEY);
}
