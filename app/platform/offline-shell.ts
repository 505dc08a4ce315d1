import { runWhenIdle } from './run-when-idle'

/**
 * In a browser tab served by `hamish serve`, a service worker keeps the app's files so the app
 * reopens offline (the seminar's documents are already in IndexedDB). Browsers allow it only
 * in secure contexts (https, or this computer); elsewhere, and in Electron (whose files are on
 * disk), there is nothing to do.
 *
 * Called once the first screen has shown, and registered when the browser is next idle: the
 * worker downloads the app's files again to keep them, which on a first visit would otherwise
 * compete with opening the article.
 */
export function keepAppForOffline(): void {
  if (requested) return
  requested = true
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return
  runWhenIdle(register, IDLE_TIMEOUT_MS)
}

let requested = false

const IDLE_TIMEOUT_MS = 5_000

function register(): void {
  navigator.serviceWorker.register('./offline-worker.js', { scope: './' }).then(
    async () => {
      const ready = await navigator.serviceWorker.ready
      const urls = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => new URL(url).origin === location.origin)
      ready.active?.postMessage({ type: 'keep', urls })
    },
    // Without the worker the app still works online; only reopening offline is lost.
    () => undefined,
  )
}
