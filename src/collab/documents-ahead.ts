import { openPersistedDoc, type PersistedDoc } from './persisted-doc'

/**
 * Documents opened from IndexedDB before anything asks for them, so that reading and decoding
 * them overlaps other work: the reader's own documents start opening with the article's
 * (local-reading.ts), while the editor is still being built. Each is handed to the first caller
 * that opens it by name; those nobody claims are closed after a while.
 */
const ahead = new Map<string, Promise<PersistedDoc>>()

export function openAhead(names: Iterable<string>, unclaimedForMs: number): void {
  for (const name of names) {
    if (ahead.has(name)) continue
    const opening = openPersistedDoc(name)
    // Whoever claims it sees a failure; unclaimed, it is nobody's concern.
    opening.catch(() => {})
    ahead.set(name, opening)
    setTimeout(() => closeUnclaimed(name, opening), unclaimedForMs)
  }
}

/** Opens a document from IndexedDB, taking the one opened ahead when there is one. */
export function openPersistedDocOrAhead(name: string): Promise<PersistedDoc> {
  const opening = ahead.get(name)
  if (!opening) return openPersistedDoc(name)
  ahead.delete(name)
  return opening
}

/** Closes this opening of `name` unless it was claimed (a later one may wait in its place). */
function closeUnclaimed(name: string, opening: Promise<PersistedDoc>): void {
  if (ahead.get(name) !== opening) return
  ahead.delete(name)
  opening.then((stored) => stored.close()).catch(() => {})
}
