// sw.js — owns the page's offline copy: a service worker that caches the site's own files.
//
// scripts/tools/add-offline.mjs (a Trunk post_build hook) writes the two lines below for each
// build: VERSION (a hash of the build, so a new release gets a new cache) and FILES (every file
// of the built site but those under lazy/). The files under lazy/ (the share links'
// dictionaries) are fetched only when the page needs them, so installing never fetches them: the
// worker keeps a copy the first time the page fetches one, and links open offline from then on.
// The page (src/ui/offline.rs) registers it from beside index.html, so its scope is the site's
// sub-path. It answers only same-origin GET requests inside that scope and
// never talks to another origin.
const VERSION = 'dev';
const FILES = ['./'];
const PREFIX = 'article-explorer-';
const LAZY = 'lazy/';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

// A new release takes over at once and drops the caches of older ones.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first, so a new release shows on the next visit; the cached
    // copy when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) =>
          cache.match(request, { ignoreSearch: true }).then((hit) => hit || cache.match(self.registration.scope)),
        ),
      ),
    );
    return;
  }
  if (request.url.startsWith(self.registration.scope + LAZY)) {
    // Fetched on demand: the cached copy first, else the network, kept for next time.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then((hit) => hit || fetch(request).then((response) => {
          if (response.ok) cache.put(request, response.clone());
          return response;
        })),
      ),
    );
    return;
  }
  // Hashed scripts, wasm, styles, icons: the cached copy first.
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit || fetch(request))));
});
