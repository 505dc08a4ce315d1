import { IndexeddbPersistence, fetchUpdates, storeState } from 'y-indexeddb'
import * as Y from 'yjs'

/** A Y.Doc kept in IndexedDB under its document name. */
export interface PersistedDoc {
  readonly name: string
  readonly doc: Y.Doc
  /**
   * Writes the whole state now as one entry and drops the updates it merges, so the store
   * stays one entry per document however often it is opened (compaction).
   */
  flush(): Promise<void>
  close(): Promise<void>
}

/** A document kept in this browser's IndexedDB alone, which other windows may write too. */
export interface LocalDoc extends PersistedDoc {
  /** Loads what other windows have stored since this one read it. */
  refresh(): Promise<void>
}

/**
 * The browser would not open IndexedDB, where every document is kept: storage switched off for
 * the site, a private window that forbids it, a damaged profile.
 */
export class LocalStorageUnavailableError extends Error {
  override readonly name = 'LocalStorageUnavailableError'

  constructor(
    readonly docName: string,
    readonly reason: string,
  ) {
    super(`IndexedDB would not open ${docName}: ${reason}`)
  }
}

/**
 * Opens a document from IndexedDB; resolves once what was stored has been loaded into it, and
 * rejects with `LocalStorageUnavailableError` when IndexedDB will not open it.
 */
export async function openPersistedDoc(name: string, doc: Y.Doc = new Y.Doc()): Promise<LocalDoc> {
  const persistence = new IndexeddbPersistence(name, doc)
  await loadedWithoutEcho(persistence)
  const updates = new UpdateBatches(persistence)
  let closed = false
  return {
    name,
    doc,
    flush: () => {
      if (closed) return Promise.resolve()
      // The whole state written now holds whatever was waiting for its batch.
      updates.discard()
      return storeState(persistence, true)
    },
    refresh: async () => {
      if (!closed) await fetchUpdates(persistence)
    },
    close: async () => {
      if (closed) return
      updates.stop()
      await storeState(persistence, true)
      closed = true
      await persistence.destroy()
      doc.destroy()
    },
  }
}

/**
 * Waits for what was stored to be loaded. y-indexeddb listens for updates from its start, so Yjs
 * encodes the whole stored state as one update while loading it, for a listener that then
 * ignores it (it came from the store): a fifth of opening a document with thousands of
 * annotations. The listener is therefore unhooked (`UpdateBatches` stores updates once the load
 * has ended), and a change made to the document meanwhile is stored with the whole state then.
 */
async function loadedWithoutEcho(persistence: IndexeddbPersistence): Promise<void> {
  const { doc } = persistence
  let changedMeanwhile = false
  const noteChange = (transaction: Y.Transaction) => {
    if (transaction.origin !== persistence) changedMeanwhile = true
  }
  doc.off('update', persistence._storeUpdate)
  doc.on('afterTransaction', noteChange)
  try {
    await Promise.race([persistence.whenSynced, failureToOpen(persistence)])
  } finally {
    doc.off('afterTransaction', noteChange)
  }
  if (changedMeanwhile) await storeState(persistence, true)
}

/**
 * Rejects when the database cannot be opened, and never settles otherwise. y-indexeddb itself
 * leaves the failure unhandled and never reports the document loaded, so a reader would wait
 * for the article forever.
 */
function failureToOpen(persistence: IndexeddbPersistence): Promise<never> {
  return persistence._db.then(
    () => new Promise<never>(() => {}),
    (cause: unknown) => {
      // Its destroy waits on the same database; that failure is the one reported here.
      persistence.destroy().catch(() => {})
      const reason = cause instanceof Error ? cause.message : String(cause)
      throw new LocalStorageUnavailableError(persistence.name, reason)
    },
  )
}

/**
 * Stores the document's updates a batch at a time: every update made in one run of code (an
 * import writing hundreds of annotations, one transaction each) is merged into one IndexedDB
 * write. y-indexeddb writes each update in a transaction of its own, and a page reloaded right
 * after such a burst lost the writes still queued: they are aborted when the page unloads.
 */
class UpdateBatches {
  private pending: Uint8Array[] = []

  constructor(private readonly persistence: IndexeddbPersistence) {
    persistence.doc.on('update', this.onUpdate)
  }

  /** Forgets what waits for its batch: for when the whole state is about to be written. */
  discard(): void {
    this.pending = []
  }

  stop(): void {
    this.persistence.doc.off('update', this.onUpdate)
    this.discard()
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this.persistence) return
    if (this.pending.length === 0) queueMicrotask(this.write)
    this.pending.push(update)
  }

  private readonly write = () => {
    const { pending } = this
    if (pending.length === 0) return
    this.pending = []
    this.persistence._storeUpdate(
      pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending),
      null,
    )
  }
}
