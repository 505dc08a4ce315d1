import 'fake-indexeddb/auto'
import { IndexeddbPersistence } from 'y-indexeddb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { annotationEntries } from '../core/annotations/annotation-entry'
import {
  FIRST_SCREEN_INDEX_FORMAT,
  readBucket,
  type TextSpan,
} from '../core/annotations/first-screen-index'
import { BUCKETS_OF_32 } from '../core/annotations/annotation-test-support'
import { documentIndexRecords } from './first-screen-keeping'
import { FIRST_SCREEN_INDEX_KEY, bucketKey, readStoredIndex } from './first-screen-store'
import { LocalWrites } from './local-writes'
import { openPersistedDoc, type LocalDoc } from './persisted-doc'

/** Passages 100 characters apart, 10 long: 70 of them make three buckets of 32, 32 and 6. */
const startOf = (i: number) => i * 100
const PASSAGE = 10

/**
 * Opens a document that keeps a first-screen index of its annotation entries, and fills it with
 * `count` entries: `a<i>` at `startOf(i)`.
 */
async function openIndexed(name: string, count: number): Promise<LocalDoc> {
  const stored = await openPersistedDoc(name, new Y.Doc(), new LocalWrites())
  stored.keepSummary(FIRST_SCREEN_INDEX_KEY, (entryKey) => {
    const entries = annotationEntries(stored.doc)
    const spans = new Map<string, TextSpan>()
    for (const id of entries.keys()) {
      const start = startOf(Number(id.slice(1)))
      spans.set(id, { start, end: start + PASSAGE })
    }
    return documentIndexRecords(stored.doc, spans, entryKey, BUCKETS_OF_32)
  })
  fill(stored.doc, 0, count)
  return stored
}

function fill(doc: Y.Doc, from: number, to: number): void {
  const entries = annotationEntries(doc)
  doc.transact(() => {
    for (let i = from; i < to; i++) entries.set(`a${i}`, `text of a${i}`)
  })
}

async function storeIndexed(name: string, count: number): Promise<void> {
  const stored = await openIndexed(name, count)
  await stored.flush()
  await stored.close()
}

const ids = (from: number, to: number) => [...Array(to - from).keys()].map((i) => `a${from + i}`)

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

function request<T>(made: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    made.onsuccess = () => resolve(made.result)
    made.onerror = () => reject(made.error)
  })
}

/** Runs `use` on one store of the database, in a transaction it waits to see committed. */
async function withStore<T>(
  name: string,
  storeName: 'updates' | 'custom',
  mode: IDBTransactionMode,
  use: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb(name)
  try {
    const transaction = db.transaction(storeName, mode)
    const result = request(use(transaction.objectStore(storeName)))
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onabort = () => reject(transaction.error)
    })
    return await result
  } finally {
    db.close()
  }
}

const updateKeys = (name: string) =>
  withStore(name, 'updates', 'readonly', (store) => store.getAllKeys())
const customKeys = (name: string) =>
  withStore(name, 'custom', 'readonly', (store) => store.getAllKeys())

/** Opens the document as y-indexeddb alone does, as another version of the app would. */
async function openWithYIndexeddb(name: string): Promise<void> {
  const persistence = new IndexeddbPersistence(name, new Y.Doc())
  await persistence.whenSynced
  await persistence.destroy()
}

/** The index readStoredIndex found, with each bucket read as its entries' ids. */
async function readIds(name: string, near: TextSpan) {
  const stored = await readStoredIndex(name, near)
  if (stored === null || stored.empty) throw new Error(`no index: ${JSON.stringify(stored)}`)
  return {
    buckets: stored.index.buckets,
    read: new Map([...stored.buckets].map(([i, text]) => [i, readBucket(text)?.map(([id]) => id)])),
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

/** A window no bucket falls outside of. */
const NEAR_ALL = { start: 0, end: Number.MAX_SAFE_INTEGER }

describe('readStoredIndex', () => {
  it('gives null, never a failure, when IndexedDB will not open or answers with no database', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('storage is switched off', 'SecurityError')
    })
    expect(await readStoredIndex('seminar:refused:user:u1:class', NEAR_ALL)).toBeNull()
    open.mockRestore()
    // As a stand-in request would (one a test holds back, say): success, but no database.
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      const standIn = {} as IDBOpenDBRequest
      queueMicrotask(() =>
        standIn.onsuccess?.call(standIn, { target: standIn } as unknown as Event),
      )
      return standIn
    })
    expect(await readStoredIndex('seminar:stand-in:user:u1:class', NEAR_ALL)).toBeNull()
  })

  it('gives the index of the stored state, with the buckets reaching into the window and no others', async () => {
    const name = 'first-screen:stored'
    await storeIndexed(name, 70)

    const stored = await readStoredIndex(name, { start: 3_300, end: 3_400 })
    expect(stored).not.toBeNull()
    if (stored === null || stored.empty) throw new Error('no index')
    expect(stored.index).toEqual({
      format: FIRST_SCREEN_INDEX_FORMAT,
      entryKey: (await updateKeys(name))[0],
      buckets: [
        { start: 0, end: 3_110 },
        { start: 3_200, end: 6_310 },
        { start: 6_400, end: 6_910 },
      ],
    })
    expect([...stored.buckets.keys()]).toEqual([1])
    expect(readBucket(stored.buckets.get(1))).toEqual(
      ids(32, 64).map((id) => [id, `text of ${id}`]),
    )
  })

  it('reads both buckets of a window that reaches across their boundary', async () => {
    const name = 'first-screen:two-buckets'
    await storeIndexed(name, 70)
    const found = await readIds(name, { start: 3_110, end: 3_200 })
    expect(found.read).toEqual(
      new Map([
        [0, ids(0, 32)],
        [1, ids(32, 64)],
      ]),
    )
  })

  it('reads the buckets starting in the window with the head, asking for no bucket after it', async () => {
    const name = 'first-screen:with-the-head'
    await storeIndexed(name, 70)
    const get = vi.spyOn(IDBObjectStore.prototype, 'get')
    const found = await readIds(name, { start: 0, end: 3_300 })
    expect(found.read).toEqual(
      new Map([
        [0, ids(0, 32)],
        [1, ids(32, 64)],
      ]),
    )
    expect(get.mock.calls.map(([key]) => key)).toEqual([FIRST_SCREEN_INDEX_KEY])
  })

  it.each([
    ['a bucket the head does not have', bucketKey(3, 6_900)],
    ['a bucket where the head says it does not start', bucketKey(1, 3_250)],
    ['a key of another shape', `${bucketKey(1, 3_200)}/more`],
  ])('gives null beside a record stored under %s', async (_, key) => {
    const name = `first-screen:stray:${key}`
    await storeIndexed(name, 70)
    expect(await readStoredIndex(name, NEAR_ALL)).not.toBeNull()
    await withStore(name, 'custom', 'readwrite', (store) => store.put('[]', key))
    expect(await readStoredIndex(name, NEAR_ALL)).toBeNull()
  })

  it('reads no bucket for a window past every passage, yet gives the index', async () => {
    const name = 'first-screen:past-the-end'
    await storeIndexed(name, 70)
    const found = await readIds(name, { start: 6_911, end: 9_000 })
    expect(found.buckets).toHaveLength(3)
    expect(found.read.size).toBe(0)
  })

  it('gives null once the document has been written again by an opening that keeps no index', async () => {
    const name = 'first-screen:rewritten'
    await storeIndexed(name, 40)
    expect(await readStoredIndex(name, { start: 0, end: 100 })).not.toBeNull()

    const other = await openPersistedDoc(name, new Y.Doc(), new LocalWrites())
    annotationEntries(other.doc).set('a1', 'changed elsewhere')
    await other.close()
    expect(await updateKeys(name)).toHaveLength(1)
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })

  it('gives null once a change has been stored after the indexed state', async () => {
    const name = 'first-screen:appended'
    await storeIndexed(name, 40)
    const change = new Y.Doc()
    annotationEntries(change).set('a99', 'stored by another window')
    await withStore(name, 'updates', 'readwrite', (store) =>
      store.add(Y.encodeStateAsUpdate(change)),
    )
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })

  it('gives null once a change is stored as the document is edited without being flushed', async () => {
    const name = 'first-screen:edited'
    const stored = await openIndexed(name, 40)
    await stored.flush()
    expect(await readStoredIndex(name, { start: 0, end: 100 })).not.toBeNull()
    fill(stored.doc, 40, 41)
    // The edit is stored as an update of its own once the code that made it has run.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await updateKeys(name)).toHaveLength(2)
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
    await stored.close()
    expect(await readStoredIndex(name, { start: 0, end: 100 })).not.toBeNull()
  })

  it('still gives the index after y-indexeddb has opened the document, adding empty states', async () => {
    const name = 'first-screen:reopened'
    await storeIndexed(name, 40)
    for (let open = 0; open < 3; open++) await openWithYIndexeddb(name)
    expect(await updateKeys(name)).toHaveLength(4)
    const found = await readIds(name, { start: 0, end: 100 })
    expect(found.read).toEqual(new Map([[0, ids(0, 32)]]))
  })

  it('gives null when the document has been opened too many times since the index was written', async () => {
    const name = 'first-screen:reopened-often'
    await storeIndexed(name, 4)
    for (let open = 0; open < 16; open++) await openWithYIndexeddb(name)
    expect(await readStoredIndex(name, { start: 0, end: 100 })).not.toBeNull()
    await openWithYIndexeddb(name)
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })

  it('gives null beside an added entry that only looks empty', async () => {
    const name = 'first-screen:nearly-empty'
    await storeIndexed(name, 4)
    await withStore(name, 'updates', 'readwrite', (store) => store.add(new Uint8Array([0, 1])))
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })

  it('finds a database that does not exist empty, and does not create it', async () => {
    const name = 'first-screen:never-stored'
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toEqual({ empty: true })
    const databases = await indexedDB.databases()
    expect(databases.map((database) => database.name)).not.toContain(name)

    // Opened afterwards, it is new: its stores are still to be made.
    const oldVersion = await new Promise<number>((resolve, reject) => {
      const opening = indexedDB.open(name)
      let upgradedFrom = -1
      opening.onupgradeneeded = (event) => (upgradedFrom = event.oldVersion)
      opening.onsuccess = () => {
        opening.result.close()
        resolve(upgradedFrom)
      }
      opening.onerror = () => reject(opening.error)
    })
    expect(oldVersion).toBe(0)
  })

  it('lets the document be opened and stored while its absent database is looked for', async () => {
    const name = 'first-screen:opened-meanwhile'
    const [found, opened] = await Promise.all([
      readStoredIndex(name, { start: 0, end: 100 }),
      openPersistedDoc(name, new Y.Doc(), new LocalWrites()),
    ])
    expect(found).toEqual({ empty: true })
    annotationEntries(opened.doc).set('a1', 'kept')
    await opened.close()
    const again = await openPersistedDoc(name, new Y.Doc(), new LocalWrites())
    expect(annotationEntries(again.doc).get('a1')).toBe('kept')
    await again.close()
  })

  it('finds a database with y-indexeddb’s stores but nothing in them empty', async () => {
    const name = 'first-screen:no-entries'
    await new Promise<void>((resolve, reject) => {
      const opening = indexedDB.open(name)
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore('updates', { autoIncrement: true })
        opening.result.createObjectStore('custom')
      }
      opening.onsuccess = () => {
        opening.result.close()
        resolve()
      }
      opening.onerror = () => reject(opening.error)
    })
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toEqual({ empty: true })
  })

  it('gives null for a database without y-indexeddb’s stores', async () => {
    const name = 'first-screen:other-database'
    await new Promise<void>((resolve, reject) => {
      const opening = indexedDB.open(name)
      opening.onupgradeneeded = () => opening.result.createObjectStore('updates')
      opening.onsuccess = () => {
        opening.result.close()
        resolve()
      }
      opening.onerror = () => reject(opening.error)
    })
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })

  it('gives null for a document stored without an index', async () => {
    const name = 'first-screen:no-index'
    const stored = await openPersistedDoc(name, new Y.Doc(), new LocalWrites())
    fill(stored.doc, 0, 5)
    await stored.close()
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })

  it.each([
    ['text', () => 'not an index'],
    [
      'of another format',
      (entryKey: number) => ({ format: FIRST_SCREEN_INDEX_FORMAT + 1, entryKey, buckets: [] }),
    ],
  ])('gives null when the head stored is %s', async (what, head) => {
    const name = `first-screen:damaged-head:${what}`
    await storeIndexed(name, 40)
    const [entryKey] = await updateKeys(name)
    await withStore(name, 'custom', 'readwrite', (store) =>
      store.put(head(Number(entryKey)), FIRST_SCREEN_INDEX_KEY),
    )
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })

  it('gives null when the head names a state other than the one stored', async () => {
    const name = 'first-screen:other-state'
    await storeIndexed(name, 40)
    const [entryKey] = await updateKeys(name)
    await withStore(name, 'custom', 'readwrite', (store) =>
      store.put(
        { format: FIRST_SCREEN_INDEX_FORMAT, entryKey: Number(entryKey) - 1, buckets: [] },
        FIRST_SCREEN_INDEX_KEY,
      ),
    )
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })
})

describe('an index kept as a summary of the stored state', () => {
  it('replaces every record of the previous index, leaving no bucket it no longer has', async () => {
    const name = 'first-screen:shrunk'
    const stored = await openIndexed(name, 70)
    await stored.flush()
    await withStore(name, 'custom', 'readwrite', (store) => store.put('kept', 'other-record'))
    expect(await customKeys(name)).toEqual([
      FIRST_SCREEN_INDEX_KEY,
      bucketKey(0, startOf(0)),
      bucketKey(1, startOf(32)),
      bucketKey(2, startOf(64)),
      'other-record',
    ])

    const entries = annotationEntries(stored.doc)
    stored.doc.transact(() => {
      for (const id of ids(20, 70)) entries.delete(id)
    })
    await stored.flush()
    expect(await customKeys(name)).toEqual([
      FIRST_SCREEN_INDEX_KEY,
      bucketKey(0, startOf(0)),
      'other-record',
    ])
    const found = await readIds(name, { start: 0, end: 10_000 })
    expect(found.read).toEqual(new Map([[0, ids(0, 20)]]))
    await stored.close()
  })

  it('is deleted rather than left stale when it cannot be made', async () => {
    const name = 'first-screen:unmade'
    const stored = await openIndexed(name, 40)
    await stored.flush()
    stored.keepSummary(FIRST_SCREEN_INDEX_KEY, () => {
      throw new Error('no spans to be had')
    })
    fill(stored.doc, 40, 45)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await stored.close()
    expect(warn).toHaveBeenCalledOnce()
    expect(await customKeys(name)).toEqual([])
    // The state itself was stored all the same.
    const again = await openPersistedDoc(name, new Y.Doc(), new LocalWrites())
    expect(annotationEntries(again.doc).size).toBe(45)
    await again.close()
    expect(await readStoredIndex(name, { start: 0, end: 100 })).toBeNull()
  })
})
