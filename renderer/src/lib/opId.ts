/**
 * A fresh operation id for an idempotent write: 32 random hex characters, matching [A-Za-z0-9_-]{8,64}.
 * crypto.getRandomValues works on plain-http LAN pages, where crypto.randomUUID (secure contexts only) does not.
 */
export function newOpId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
