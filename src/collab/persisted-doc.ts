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
  /** See `LocalDoc`; documents kept elsewhere keep no summary. */
  keepSummary?(prefix: string, describe: DescribeState): void
}

/** A document kept in this browser's IndexedDB alone, which other windows may write too. */
export interface LocalDoc extends PersistedDoc {
  /** Loads what other windows have stored since this one read it. */
  refresh(): Promise<void>
  /**
   * From now on, each whole state written (`flush`, `close`, a compaction) has `describe`'s
   * summary of it stored beside it, in the same transaction: records of the `custom` store, whose
   * keys start with `prefix` and replace those that did. A summary that cannot be made is
   * deleted, not kept stale.
   */
  keepSummary(prefix: string, describe: DescribeState): void
}

/** A summary of a document's state, as records, given the key of the state's own entry. */
export type DescribeState = (entryKey: number) => Iterable<readonly [string, unknown]>

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
 * rejects with `LocalStorageUnavailableError` when IndexedDB will not open it, or with an
 * `AbortError` when `signal` aborts it first. Writes that fail later (a full disk) are reported
 * to `writes`.
 */
export async function openPersistedDoc(
  name: string,
  doc: Y.Doc = new Y.Doc(),
  writes: LocalWrites = localWrites,
  signal?: AbortSignal,
): Promise<LocalDoc> {
  const persistence = new IndexeddbPersistence(name, doc)
  const changedMeanwhile = await loadedWithoutEcho(persistence, signal)
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
    keepSummary: (prefix, describe) => updates.keepSummary({ prefix, describe }),
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
async function loadedWithoutEcho(
  persistence: IndexeddbPersistence,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const { doc } = persistence
  let changedMeanwhile = false
  const noteChange = (transaction: Y.Transaction) => {
    if (transaction.origin !== persistence) changedMeanwhile = true
  }
  doc.off('update', persistence._storeUpdate)
  doc.on('afterTransaction', noteChange)
  // Abandoned before the store answers, y-indexeddb (destroyed) leaves what it reads unapplied:
  // nothing is decoded.
  let abandon = () => {}
  const abandoned = new Promise<never>((_, reject) => {
    abandon = () => {
      persistence.destroy().catch(() => {})
      reject(new DOMException(`Opening ${persistence.name} was abandoned`, 'AbortError'))
    }
  })
  if (signal?.aborted) abandon()
  signal?.addEventListener('abort', abandon, { once: true })
  try {
    await Promise.race([persistence.whenSynced, failureToOpen(persistence), abandoned])
  } finally {
    signal?.removeEventListener('abort', abandon)
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
  private summary: StateSummary | null = null

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
    this.writingWhole = this.settle(
      storeWholeState(this.persistence, this.summary),
      through,
      true,
    ).then(() => {
      this.writingWhole = null
      if (!this.wholeAgain) return
      this.wholeAgain = false
      return this.writeWhole()
    })
    return this.writingWhole
  }

  keepSummary(summary: StateSummary): void {
    this.summary = summary
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
    (transaction) => {
      transaction.objectStore(UPDATES).add(update)
      // Committed with the write: left to commit by itself, a transaction commits only once the
      // page has heard back from its last request, and a page closed or reloaded before then
      // leaves the write uncommitted (Chromium's round trip; w3c/IndexedDB#482).
      transaction.commit()
    },
  )
}

/** What `keepSummary` stores beside each whole state. */
interface StateSummary {
  readonly prefix: string
  readonly describe: DescribeState
}

/**
 * y-indexeddb's `storeState`, followed to its commit, in one transaction: loads what other
 * windows stored (so the whole state holds it before the entries it merges are dropped), writes
 * the whole state as one entry, drops the rest, and stores the state's summary if one is kept.
 */
function storeWholeState(
  persistence: IndexeddbPersistence,
  summary: StateSummary | null,
): Promise<void> {
  const db = persistence.db
  if (!db) return Promise.reject(new Error(`${persistence.name} is not open`))
  const { doc } = persistence
  // y-indexeddb makes both stores; a database made otherwise keeps its state without a summary.
  const summarised = summary && db.objectStoreNames.contains(CUSTOM) ? summary : null
  return committed(
    () => db.transaction(summarised ? [UPDATES, CUSTOM] : [UPDATES], 'readwrite'),
    (transaction) => {
      const updates = transaction.objectStore(UPDATES)
      const newer = updates.getAll(IDBKeyRange.lowerBound(persistence._dbref))
      newer.onsuccess = () => {
        const stored = newer.result as Uint8Array[]
        if (stored.length > 0) {
          const apply = () => stored.forEach((update) => Y.applyUpdate(doc, update))
          Y.transact(doc, apply, persistence, false)
        }
        const added = updates.add(Y.encodeStateAsUpdate(doc))
        added.onsuccess = () => {
          const entryKey = added.result as number
          updates.delete(IDBKeyRange.upperBound(entryKey, true))
          // Read from after it next time: it holds nothing this document lacks.
          persistence._dbref = entryKey + 1
          if (summarised) storeSummary(transaction.objectStore(CUSTOM), summarised, entryKey)
        }
      }
    },
  ).then(() => {
    // The whole state is all the transaction left (it saw every entry before it).
    persistence._dbsize = 1
  })
}

function storeSummary(custom: IDBObjectStore, summary: StateSummary, entryKey: number): void {
  const { prefix } = summary
  custom.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`))
  let records: (readonly [string, unknown])[]
  try {
    records = [...summary.describe(entryKey)]
    const stray = records.find(([key]) => !key.startsWith(prefix))
    if (stray) throw new Error(`${stray[0]} is not a key under ${prefix}`)
  } catch (error) {
    // The state matters, its summary does not: one that cannot be made is not kept stale.
    console.warn(`No summary under ${prefix} could be made`, error)
    return
  }
  for (const [key, value] of records) custom.put(value, key)
}

const UPDATES = 'updates'
const CUSTOM = 'custom'

/**
 * Makes `write`'s requests in the transaction and resolves once it commits; rejects with why
 * it was aborted (a `QuotaExceededError` when the disk is full) or with what a request threw.
 */
function committed(
  transaction: () => IDBTransaction,
  write: (transaction: IDBTransaction) => void,
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
        write(opened)
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
