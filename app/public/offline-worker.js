/* global self, caches, fetch, URL */
/**
 * Keeps the web app's own files on this device, so a page served by `hamish serve` reopens
 * with no network and the reader finds their seminar (its documents are in IndexedDB). Pages
 * and the article are fetched fresh when the network answers; the content-hashed assets never
 * change, so the copy is used first. Nothing of the seminar API or the sync socket is kept.
 */
const CACHE = 'hamish-app-v1'
const scope = new URL(self.registration.scope)
const SHELL = new URL('./', scope).toString()
const ARTICLE = new URL('./api/article', scope).toString()
// Every file of the build (written by vite.config.ts): the chunks loaded on demand (dialogs,
// the seminar's sync) are kept too, though this visit may never have loaded them.
const BUILD_FILES = new URL('./offline-files.json', scope).toString()

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

// The page sends what it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'keep' ? event.data.urls : null
  if (!Array.isArray(urls)) return
  const own = urls.filter((url) => typeof url === 'string' && isKept(new URL(url)))
  event.waitUntil(keep(own))
})

async function keep(loaded) {
  const cache = await caches.open(CACHE)
  const files = new Set([...loaded, ...(await buildFiles())])
  // One by one: a file that cannot be fetched (the favicon the browser guessed at, which the
  // app does not have) must not cost the others their place. The page itself is kept afresh;
  // the other files' names change with their content, so one already kept is not fetched again.
  await Promise.all([
    cache.add(SHELL).catch(() => undefined),
    ...[...files].map(async (url) => {
      if (!(await cache.match(url))) await cache.add(url).catch(() => undefined)
    }),
  ])
}

async function buildFiles() {
  try {
    const response = await fetch(BUILD_FILES, { cache: 'no-cache' })
    const names = response.ok ? await response.json() : []
    if (!Array.isArray(names)) return []
    return names
      .filter((name) => typeof name === 'string')
      .map((name) => new URL(name, scope))
      .filter(isKept)
      .map((url) => url.toString())
  } catch {
    return []
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (request.mode === 'navigate' && url.origin === scope.origin) {
    event.respondWith(freshFirst(request, SHELL))
  } else if (url.toString() === ARTICLE) {
    event.respondWith(freshFirst(request, ARTICLE))
  } else if (isKept(url)) {
    event.respondWith(keptFirst(request))
  }
})

function isKept(url) {
  return (
    url.origin === scope.origin &&
    url.toString().startsWith(scope.toString()) &&
    !url.pathname.includes('/api/') &&
    !url.pathname.endsWith('/sync')
  )
}

async function freshFirst(request, key) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(key, response.clone())
    return response
  } catch (error) {
    const kept = await cache.match(key)
    if (kept) return kept
    throw error
  }
}

async function keptFirst(request) {
  const cache = await caches.open(CACHE)
  const kept = await cache.match(request)
  if (kept) return kept
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}
