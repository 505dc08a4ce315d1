/**
 * Runs `work` once the browser is idle (after the next paint at the latest, with a short
 * timeout), so a click or a keystroke that asked for it shows before the work starts. Returns a
 * function that cancels it.
 */
export function runWhenIdle(work: () => void, timeoutMs = 150): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: timeoutMs })
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(work, 0)
  return () => clearTimeout(handle)
}
