// The kiosk's service worker (issue 4: "keeps working on a poor connection"). Bundled by
// the publish step to /kiosk/sw.js, so its scope is /kiosk/ and it only ever handles the
// kiosk page's requests. Strategy:
//   - files whose URL pins their content (/_astro/* hashed, /search/…?v=<rev>): cache first;
//   - the kiosk page itself and the locator: network first, the cached copy when offline
//     or when the network takes longer than NETWORK_WAIT_MS (a village's 2G link).
// Once a village's shard has loaded, the page answers lookups from memory; this worker is
// what lets the kiosk be reloaded (idle reset, power cut) and still open that village.
declare const __BUILD_ID__: string;

// Minimal service-worker types: the project's tsconfig has the DOM lib, not WebWorker.
interface FetchEventLike extends Event {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void;
}
const sw = self as unknown as {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { scope: string };
};

const CACHE = `gongkai-kiosk-${__BUILD_ID__}`;
const NETWORK_WAIT_MS = 4000;

sw.addEventListener('install', (e) => {
  // The page shell and the locator, so a kiosk that was opened once starts offline.
  const scope = new URL(sw.registration.scope);
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll([scope.pathname, '/search/locator.json']))
      .catch(() => undefined)
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gongkai-kiosk-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== location.origin) return;
  const pinned = url.pathname.startsWith('/_astro/') || (url.pathname.startsWith('/search/') && url.searchParams.has('v'));
  if (pinned) e.respondWith(cacheFirst(req));
  else if (url.pathname.startsWith('/kiosk/') || url.pathname === '/search/locator.json') e.respondWith(networkFirst(req));
});

async function cacheFirst(req: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

async function networkFirst(req: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  // The page is cached under its path without the query (/kiosk/?t=… is the same shell).
  const key = new URL(req.url);
  key.search = '';
  const network = fetch(req).then(async (res) => {
    if (res.ok) await cache.put(key.href, res.clone());
    return res;
  });
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), NETWORK_WAIT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // offline: fall through to the cache
  }
  const hit = await cache.match(key.href);
  if (hit) return hit;
  return network;
}
