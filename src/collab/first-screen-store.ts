import {
  bucketsNear,
  readFirstScreenIndex,
  type BuiltFirstScreenIndex,
  type FirstScreenIndex,
  type TextSpan,
} from '../core/annotations/first-screen-index'

/**
 * Where a document's first-screen index is kept: its database's `custom` store, the head under
 * this key and each bucket under `<key>/<start>/<number>`, so that only the buckets near the
 * screen are read (all of them, for 5,000 annotations, took ~350 ms to come back from
 * IndexedDB).
 */
export const FIRST_SCREEN_INDEX_KEY = 'first-screen-index'

/** Wide enough for any text offset: keys of starts padded to it sort as the starts do. */
const START_DIGITS = 12

/**
 * A bucket's key. Its start comes first so that the buckets starting in a stretch of the article
 * are one key range, read with the head itself rather than after it: waiting for the head, then
 * for the buckets, put a round trip to IndexedDB between the article showing and its highlights,
 * and each round trip waits for the main thread to be free (the editor being built).
 */
export function bucketKey(bucket: number, start: number): string {
  return `${startKey(start)}${bucket}`
}

/** The key of bucket `bucket` of the index whose head is `head`. */
const keyIn = (head: FirstScreenIndex, bucket: number) =>
  bucketKey(bucket, head.buckets[bucket]!.start)

/** What the keys of the buckets starting at `start` begin with. */
const startKey = (start: number) =>
  `${FIRST_SCREEN_INDEX_KEY}/${String(start).padStart(START_DIGITS, '0')}/`

/** The keys of the buckets whose first passage starts within `near`. */
function bucketsStartingIn(near: TextSpan): IDBKeyRange | null {
  const start = Math.max(0, Math.floor(near.start))
  const end = Math.floor(near.end)
  if (end < start || !Number.isSafeInteger(end)) return null
  return IDBKeyRange.bound(startKey(start), `${startKey(end)}\uffff`)
}

/** The bucket a key names, when it names one where the head says that bucket starts. */
function bucketOfKey(key: IDBValidKey, index: FirstScreenIndex): number | null {
  if (typeof key !== 'string') return null
  const [prefix, start, bucket, ...rest] = key.split('/')
  const number = Number(bucket)
  const span = Number.isInteger(number) ? index.buckets[number] : undefined
  const fits = prefix === FIRST_SCREEN_INDEX_KEY && rest.length === 0 && span !== undefined
  return fits && Number(start) === span.start ? number : null
}

/** An index as the records `keepSummary` stores. */
export function indexRecords(built: BuiltFirstScreenIndex): [string, unknown][] {
  return [
    [FIRST_SCREEN_INDEX_KEY, built.head],
    ...built.buckets.map((text, bucket): [string, unknown] => [keyIn(built.head, bucket), text]),
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
    // With the head, the buckets that surely reach into `near`: those starting inside it. Where
    // the article opens at its top, they are all it needs.
    const starting = bucketsStartingIn(near)
    const [keys, head, startingKeys, startingTexts] = await Promise.all([
      result(transaction.objectStore(UPDATES).getAllKeys()),
      result(custom.get(FIRST_SCREEN_INDEX_KEY)),
      starting ? result(custom.getAllKeys(starting)) : [],
      starting ? result(custom.getAll(starting)) : [],
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
    const buckets = new Map<number, unknown>()
    for (const [i, key] of startingKeys.entries()) {
      const bucket = bucketOfKey(key, index)
      // A record the head does not describe: whatever wrote it, this index is not to be trusted.
      if (bucket === null) return null
      buckets.set(bucket, startingTexts[i])
    }
    // Those starting before `near` that reach into it, a passage long enough to, are read next.
    const rest = bucketsNear(index, near).filter((bucket) => !buckets.has(bucket))
    const [otherStates, texts] = await Promise.all([
      Promise.all(others.map((key) => result(transaction.objectStore(UPDATES).get(key)))),
      Promise.all(rest.map((bucket) => result(custom.get(keyIn(index, bucket))))),
    ])
    if (!otherStates.every(isEmptyState)) return null
    rest.forEach((bucket, i) => buckets.set(bucket, texts[i]))
    return { empty: false, index, buckets }
  } catch {
    return null
  } finally {
    db.close()
  }
}

/**
 * The names of the databases IndexedDB holds for this page; null when it will not say (a browser
 * without `databases()`, or one that refuses).
 */
export async function listedDatabases(): Promise<ReadonlySet<string> | null> {
  try {
    const listed = await indexedDB.databases()
    return new Set(listed.flatMap(({ name }) => (name === undefined ? [] : [name])))
  } catch {
    return null
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
