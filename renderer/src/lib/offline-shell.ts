/**
 * Registers the service worker that keeps the app shell (public/sw.js), so a juror page reloaded
 * while the Wi-Fi is down still opens; the marks themselves live in localStorage (lib/outbox.ts).
 * Browsers allow service workers only in secure contexts (https, localhost); on a plain-http LAN
 * address this does nothing, and a reload needs the network back (nothing typed is lost: it is in
 * localStorage and is sent when the page opens again).
 */
const SHELL_CACHE = 'ruang-juri-shell-v1';

export async function registerOfflineShell(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !globalThis.isSecureContext) return;
  if (!/^https?:$/.test(location.protocol)) return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
    // What this first load fetched before the worker was there: cache it now.
    const urls = new Set<string>(['/']);
    for (const entry of performance.getEntriesByType('resource')) {
      const url = new URL(entry.name);
      if (url.origin === location.origin && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/events')) urls.add(url.pathname);
    }
    const cache = await caches.open(SHELL_CACHE);
    await Promise.all([...urls].map((url) => cache.add(url).catch(() => undefined)));
  } catch {
    /* no offline shell: the page still works online */
  }
}
