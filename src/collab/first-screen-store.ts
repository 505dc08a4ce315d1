import {
  bucketsNear,
  readFirstScreenIndex,
  type BuiltFirstScreenIndex,
  type FirstScreenIndex,
  type TextSpan,
} from '../core/annotations/first-screen-index'

/**
 * Where a document's first-screen index is kept: its database's `custom` store, the head under
 * this key and each bucket under `<key>/<number>`, so that only the buckets near the screen are
 * read (all of them, for 5,000 annotations, took ~350 ms to come back from IndexedDB).
 */
export const FIRST_SCREEN_INDEX_KEY = 'first-screen-index'

const bucketKey = (bucket: number) => `${FIRST_SCREEN_INDEX_KEY}/${bucket}`

/** An index as the records `keepSummary` stores. */
export function indexRecords(built: BuiltFirstScreenIndex): [string, unknown][] {
  return [
    [FIRST_SCREEN_INDEX_KEY, built.head],
    ...built.buckets.map((text, bucket): [string, unknown] => [bucketKey(bucket), text]),
  ]
}

/**
 * A document as its first-screen index describes it: nothing stored yet, or its index with the
 * stored text of the buckets read so far.
 */
export type StoredIndex =
  | { readonly empty: true }
  | {
      readonly empty: false
      readonly index: FirstScreenIndex
      readonly buckets: ReadonlyMap<number, unknown>
    }

/**
 * Reads a document's first-screen index from IndexedDB, with the buckets reaching into `near`,
 * without loading the document; and only if the index describes exactly what is stored: the
 * state it was written with, beside nothing but the empty states y-indexeddb adds each time it
 * opens a document. Anything else (a change stored since, another window's write, an index
 * missing or of another format) gives null, and the document is read whole. A database that does
 * not exist, or holds nothing, is empty; one that does not exist is not created.
 *
 * The database is asked for at once, before the first await: whatever asks for it next (the
 * document's own opening) is answered after it.
 */
export async function readStoredIndex(name: string, near: TextSpan): Promise<StoredIndex | null> {
  const db = await openExisting(name).catch(() => null)
  // Reading the document whole is what says why IndexedDB would not open.
  if (db === null) return null
  if (db === 'absent') return { empty: true }
  try {
    if (!db.objectStoreNames.contains(UPDATES) || !db.objectStoreNames.contains(CUSTOM)) {
      return null
    }
    const transaction = db.transaction([UPDATES, CUSTOM], 'readonly')
    const custom = transaction.objectStore(CUSTOM)
    const [keys, head] = await Promise.all([
      result(transaction.objectStore(UPDATES).getAllKeys()),
      result(custom.get(FIRST_SCREEN_INDEX_KEY)),
    ])
    const index = head === undefined ? null : readFirstScreenIndex(head)
    // Without an index, only a store with nothing in it can be trusted: reading what it holds to
    // find out would cost what the index saves.
    if (!index) return head === undefined && keys.length === 0 ? { empty: true } : null
    // The index must be of the state stored, which the last whole-state write left alone: before
    // it, nothing; after it, only y-indexeddb's empty states.
    if (!keys.includes(index.entryKey)) return null
    const others = keys.filter((key) => key !== index.entryKey)
    if (others.length > MOST_EMPTY_STATES) return null
    const wanted = bucketsNear(index, near)
    const [otherStates, texts] = await Promise.all([
      Promise.all(others.map((key) => result(transaction.objectStore(UPDATES).get(key)))),
      Promise.all(wanted.map((bucket) => result(custom.get(bucketKey(bucket))))),
    ])
    if (!otherStates.every(isEmptyState)) return null
    return { empty: false, index, buckets: new Map(wanted.map((bucket, i) => [bucket, texts[i]])) }
  } catch {
    return null
  } finally {
    db.close()
  }
}

const UPDATES = 'updates'
const CUSTOM = 'custom'
/** One per open since the last whole state was written; more than this, and it is not worth it. */
const MOST_EMPTY_STATES = 16

/** `Y.encodeStateAsUpdate` of a document holding nothing. */
function isEmptyState(value: unknown): boolean {
  return value instanceof Uint8Array && value.length === 2 && value[0] === 0 && value[1] === 0
}

/** Opens the database if it exists: an upgrade means it did not, and is undone. */
function openExisting(name: string): Promise<IDBDatabase | 'absent'> {
  return new Promise((resolve, reject) => {
    let absent = false
    const opening = indexedDB.open(name)
    // The event's own request, whatever object `open` returned (a test may hold it back).
    const request = (event: Event) => event.target as IDBOpenDBRequest
    opening.onupgradeneeded = (event) => {
      absent = true
      request(event).transaction?.abort()
    }
    opening.onsuccess = (event) => {
      const db = request(event).result as IDBDatabase | undefined
      if (db) resolve(db)
      else reject(new Error(`IndexedDB answered with no database for ${name}`))
    }
    opening.onerror = (event) => {
      if (absent) {
        // The abort above: nothing was created.
        event.preventDefault()
        resolve('absent')
      } else reject(opening.error ?? new Error(`IndexedDB would not open ${name}`))
    }
  })
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}
