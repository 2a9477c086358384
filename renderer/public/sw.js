/*
 * Keeps the app shell (index.html and the built scripts and styles) so a juror's page still opens
 * when it is reloaded while the Wi-Fi is down. Network first: a fresh build always wins when the
 * organisers' computer can be reached. The API and the event socket are never touched.
 */
const CACHE = 'ruang-juri-shell-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/events')) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') await cache.put(request.mode === 'navigate' ? '/' : request, response.clone());
        return response;
      } catch (error) {
        const cached = request.mode === 'navigate' ? await cache.match('/') : await cache.match(request, { ignoreSearch: true });
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
