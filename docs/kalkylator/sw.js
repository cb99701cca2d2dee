/*
 * Offline cache for the calculator pages (scope /kalkylator/ only): the
 * repayment plan and the deadline page (frister/), which share the engine.
 * The build renders it a second time as en/calculator/sw.js for the English
 * calculator, whose manifest lists the shared files as ../../kalkylator/….
 *
 * This file is a template: scripts/postbuild (build_steps/calculator_assets.py) replaces the manifest
 * below with every precached URL and its SHA-256, and names the cache after a
 * hash of them all, so each build that changes any file installs a new cache
 * and deletes the old one.
 *
 * Why the install step reads the HTTP cache first: the page registers this
 * worker only after the engine has loaded, so Pyodide's 12 MB have just been
 * downloaded. `cache: "force-cache"` reuses them instead of fetching them a
 * second time; the SHA-256 check makes sure a stale copy from an older build
 * is never kept (it is then fetched again from the network).
 */
const MANIFEST = /* bokvar:manifest */ null;
// The English calculator's copy (en/calculator/sw.js) names its own prefix.
const PREFIX = MANIFEST.prefix || "bokvar-kalkylator-";
const CACHE = PREFIX + MANIFEST.version;
const SCOPE = new URL("./", self.location).href;
const URLS = new Map(MANIFEST.files.map((entry) => [new URL(entry.url, self.location).href, entry.sha256]));

async function sha256Hex(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/* An unchanged file is taken from the previous build's cache, then from the
 * HTTP cache, and only then from the network; every copy is checked. */
async function verifiedCopy(url, expected) {
  const previous = await caches.match(url);
  if (previous && (await sha256Hex(previous.clone())) === expected) {
    return previous;
  }
  for (const mode of ["force-cache", "no-cache"]) {
    const response = await fetch(url, { cache: mode, credentials: "same-origin" });
    if (response.ok && (await sha256Hex(response.clone())) === expected) {
      return response;
    }
  }
  throw new Error(`${url} does not match this build; not caching it`);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all([...URLS].map(async ([url, sha]) => cache.put(url, await verifiedCopy(url, sha))));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) {
          await caches.delete(name);
        }
      }
      await self.clients.claim();
    })(),
  );
});

function cacheKey(request) {
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") {
    url.search = "";
    if (url.href.startsWith(SCOPE) && url.pathname.endsWith("/index.html")) {
      return url.href.slice(0, -"index.html".length);
    }
  }
  return url.href;
}

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") {
    return;
  }
  const key = cacheKey(event.request);
  if (!URLS.has(key)) {
    return;
  }
  event.respondWith(
    (async () => {
      const cached = await caches.match(key, { cacheName: CACHE });
      return cached || fetch(event.request);
    })(),
  );
});
