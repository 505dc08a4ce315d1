import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, fetchUpdates } from 'y-indexeddb'
import * as Y from 'yjs'
import { localWrites, type LocalWrites, type UnsavedDoc } from './local-writes'

/** A Y.Doc kept in IndexedDB under its document name. */
export interface PersistedDoc {
  readonly name: string
  readonly doc: Y.Doc
  /**
   * Writes the whole state now as one entry and drops the updates it merges, so the store
   * stays one entry per document however often it is opened (compaction). Never rejects: a
   * write that fails is reported to `LocalWrites` and written again from there.
   */
  flush(): Promise<void>
  /**
   * Closes it. One holding changes IndexedDB refused is closed only once a retry has stored
   * them (see `LocalWrites`); the promise does not wait for that.
   */
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
 * rejects with `LocalStorageUnavailableError` when IndexedDB will not open it. Writes that fail
 * later (a full disk) are reported to `writes`.
 */
export async function openPersistedDoc(
  name: string,
  doc: Y.Doc = new Y.Doc(),
  writes: LocalWrites = localWrites,
): Promise<LocalDoc> {
  const persistence = new IndexeddbPersistence(name, doc)
  const changedMeanwhile = await loadedWithoutEcho(persistence)
  const updates = new UpdateBatches(persistence, writes)
  if (changedMeanwhile) await updates.writeWhole({ changed: true })
  let closed = false
  return {
    name,
    doc,
    flush: () => (closed ? Promise.resolve() : updates.writeWhole()),
    refresh: async () => {
      if (!closed) await fetchUpdates(persistence)
    },
    close: async () => {
      if (closed) return
      closed = true
      updates.stop()
      await updates.writeWhole()
      const destroy = async () => {
        await persistence.destroy()
        doc.destroy()
      }
      if (!updates.unsaved) return destroy()
      // Changes IndexedDB refused live only in this Y.Doc: it is kept, and written again with
      // the others left unsaved, until they are stored. Whoever closes it need not wait for that
      // (a seminar closing its connection, say).
      void updates.whenSaved().then(destroy)
    },
  }
}

/**
 * Waits for what was stored to be loaded. y-indexeddb listens for updates from its start, so Yjs
 * encodes the whole stored state as one update while loading it, for a listener that then
 * ignores it (it came from the store): a fifth of opening a document with thousands of
 * annotations. The listener is therefore unhooked (`UpdateBatches` stores updates once the load
 * has ended), and a change made to the document meanwhile is stored with the whole state then
 * (the caller is told of one).
 */
async function loadedWithoutEcho(persistence: IndexeddbPersistence): Promise<boolean> {
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
  return changedMeanwhile
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
 *
 * Each write is followed to its commit, which y-indexeddb's are not: a full disk aborted them
 * unseen, and the change was gone at the next reload. A failed write is reported to
 * `LocalWrites`; from then on the store lacks a change only the Y.Doc holds, so the next writes
 * are of the whole state (an update written after a lost one would not bring it back), until
 * one is stored.
 */
class UpdateBatches implements UnsavedDoc {
  readonly name: string
  private pending: Uint8Array[] = []
  /** Changes made here, counted: which of them a write held, and so which are stored. */
  private changes = 0
  /** The latest change a failed write held. */
  private failedThrough = 0
  /** The latest change a whole-state write stored. */
  private wholeStoredThrough = 0
  /** A whole-state write under way, and whether another must follow it (changes made since). */
  private writingWhole: Promise<void> | null = null
  private wholeAgain = false
  private onSaved: (() => void) | null = null
  private compaction: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly persistence: IndexeddbPersistence,
    private readonly writes: LocalWrites,
  ) {
    this.name = persistence.name
    persistence.doc.on('update', this.onUpdate)
  }

  /** Whether the store lacks a change this document holds, after a failed write. */
  get unsaved(): boolean {
    return this.failedThrough > this.wholeStoredThrough
  }

  /**
   * Writes the whole state as one entry (dropping those it merges), which holds whatever was
   * waiting for its batch. `changed`: the document changed where no update was counted.
   */
  writeWhole({ changed = false } = {}): Promise<void> {
    if (changed) this.changes++
    this.pending = []
    if (this.writingWhole) {
      this.wholeAgain = true
      return this.writingWhole
    }
    const through = this.changes
    this.writingWhole = this.settle(storeWholeState(this.persistence), through, true).then(() => {
      this.writingWhole = null
      if (!this.wholeAgain) return
      this.wholeAgain = false
      return this.writeWhole()
    })
    return this.writingWhole
  }

  /** Retries come through here (`UnsavedDoc`). */
  readonly rewrite = () => this.writeWhole()

  /** Resolves once nothing this document holds is missing from the store. */
  whenSaved(): Promise<void> {
    if (!this.unsaved) return Promise.resolve()
    return new Promise((resolve) => (this.onSaved = resolve))
  }

  stop(): void {
    this.persistence.doc.off('update', this.onUpdate)
    this.pending = []
    if (this.compaction !== null) clearTimeout(this.compaction)
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this.persistence) return
    this.changes++
    if (this.pending.length === 0) queueMicrotask(this.write)
    this.pending.push(update)
  }

  private readonly write = () => {
    const { pending } = this
    if (pending.length === 0) return
    // Unsaved: the whole state carries the lost change too (and tries the store again).
    if (this.unsaved) return void this.writeWhole()
    this.pending = []
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending)
    void this.settle(appendUpdate(this.persistence, update), this.changes, false)
    // As y-indexeddb does: once the store holds many entries, they are merged into one soon.
    if (++this.persistence._dbsize < PREFERRED_TRIM_SIZE) return
    if (this.compaction !== null) clearTimeout(this.compaction)
    this.compaction = setTimeout(() => {
      this.compaction = null
      void this.writeWhole()
    }, this.persistence._storeTimeout)
  }

  /** Follows a write holding the changes up to `through` to its end, and reports it. */
  private settle(writing: Promise<void>, through: number, whole: boolean): Promise<void> {
    return writing.then(
      () => {
        if (whole) this.wholeStoredThrough = Math.max(this.wholeStoredThrough, through)
        if (this.unsaved) return
        this.writes.saved(this)
        this.onSaved?.()
        this.onSaved = null
      },
      (cause: unknown) => {
        this.failedThrough = Math.max(this.failedThrough, through)
        // A whole state stored meanwhile held this write's changes too.
        if (this.unsaved) this.writes.failed(this, cause)
      },
    )
  }
}

/** Adds one update to the document's store; resolves once it is committed. */
function appendUpdate(persistence: IndexeddbPersistence, update: Uint8Array): Promise<void> {
  const db = persistence.db
  if (!db) return Promise.reject(new Error(`${persistence.name} is not open`))
  return committed(
    () => db.transaction(UPDATES, 'readwrite'),
    (store) => store.add(update),
  )
}

/**
 * y-indexeddb's `storeState`, followed to its commit: loads what other windows stored (so the
 * whole state holds it before the entries it merges are dropped), then writes the whole state
 * as one entry in the same transaction.
 */
async function storeWholeState(persistence: IndexeddbPersistence): Promise<void> {
  const store = await fetchUpdates(persistence)
  const upTo = persistence._dbref
  await committed(
    () => store.transaction,
    (updates) => {
      updates.add(Y.encodeStateAsUpdate(persistence.doc))
      updates.delete(IDBKeyRange.upperBound(upTo, true))
    },
  )
  // The whole state is all the transaction left (it saw every entry before it).
  persistence._dbsize = 1
}

const UPDATES = 'updates'

/**
 * Makes `write`'s requests in the transaction and resolves once it commits; rejects with why
 * it was aborted (a `QuotaExceededError` when the disk is full) or with what a request threw.
 */
function committed(
  transaction: () => IDBTransaction,
  write: (store: IDBObjectStore) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failedRequest: DOMException | null = null
    try {
      const opened = transaction()
      opened.addEventListener('complete', () => resolve())
      opened.addEventListener('error', (event) => {
        failedRequest ??= (event.target as IDBRequest).error
      })
      opened.addEventListener('abort', () =>
        reject(opened.error ?? failedRequest ?? new DOMException('Write aborted', 'AbortError')),
      )
      try {
        write(opened.objectStore(UPDATES))
      } catch (error) {
        // Nothing half-written is committed (it may be over already, and then has nothing).
        try {
          opened.abort()
        } catch {
          // Already finished.
        }
        throw error
      }
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}
