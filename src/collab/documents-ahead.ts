import { openPersistedDoc, type PersistedDoc } from './persisted-doc'

/**
 * Documents opened from IndexedDB before anything asks for them, so that reading and decoding
 * them overlaps other work: the reader's own documents start opening with the article's
 * (local-reading.ts), while the editor is still being built. Each is handed to the first caller
 * that opens it by name; those nobody claims are closed after a while.
 */
interface Ahead {
  readonly opening: Promise<PersistedDoc>
  readonly abandon: AbortController
}

const ahead = new Map<string, Ahead>()

export function openAhead(names: Iterable<string>, unclaimedForMs: number): void {
  for (const name of names) {
    if (ahead.has(name)) continue
    const abandon = new AbortController()
    const opening = openPersistedDoc(name, undefined, undefined, abandon.signal)
    // Whoever claims it sees a failure; unclaimed, it is nobody's concern.
    opening.catch(() => {})
    ahead.set(name, { opening, abandon })
    setTimeout(() => closeUnclaimed(name, opening), unclaimedForMs)
  }
}

/**
 * Gives up the openings of `names` still loading: they decode nothing, and whoever claims one
 * opens the document anew. One already loaded stays to be claimed.
 */
export function abandonAhead(names: Iterable<string>): void {
  for (const name of names) ahead.get(name)?.abandon.abort()
}

/** Opens a document from IndexedDB, taking the one opened ahead when there is one. */
export function openPersistedDocOrAhead(name: string): Promise<PersistedDoc> {
  const opened = ahead.get(name)
  if (!opened) return openPersistedDoc(name)
  ahead.delete(name)
  return opened.opening.catch((error: unknown) => {
    if (opened.abandon.signal.aborted) return openPersistedDoc(name)
    throw error
  })
}

/** Closes this opening of `name` unless it was claimed (a later one may wait in its place). */
function closeUnclaimed(name: string, opening: Promise<PersistedDoc>): void {
  if (ahead.get(name)?.opening !== opening) return
  ahead.delete(name)
  opening.then((stored) => stored.close()).catch(() => {})
}
