import * as Y from 'yjs'
import type { Visibility } from '../core/annotations/annotation'
import { AnnotationCollection } from '../core/annotations/annotation-collection'
import { annotationEntries } from '../core/annotations/annotation-entry'
import { bucketsNear, readBucket, type TextSpan } from '../core/annotations/first-screen-index'
import { VISIBILITIES } from '../core/annotations/annotation-store'
import { listedDatabases, readStoredIndex, type StoredIndex } from './first-screen-store'
import { myDocumentName } from './my-documents'

const NOTHING_STORED: StoredIndex = { empty: true }

/** The first-screen indexes of a reader's own documents, each describing what is stored. */
export type MyIndexes = Readonly<Record<Visibility, StoredIndex>>

/**
 * Reads them, with the buckets reaching into `near`, without loading the documents; null unless
 * every one can be trusted. Each database is asked for before this returns.
 */
export async function readMyIndexes(
  seminarId: string,
  userId: string,
  near: TextSpan,
): Promise<MyIndexes | null> {
  const ask = (visibility: Visibility) => {
    const name = myDocumentName(seminarId, userId, visibility)
    // Whatever goes wrong, the documents read whole are what says so.
    return { name, read: readStoredIndex(name, near).catch(() => null) }
  }
  const asked = [ask('class'), ask('instructors'), ask('private')]
  // A database that is not there yet is empty, known once IndexedDB lists what it holds: opening
  // it to find out (and undoing the upgrade that would create it) took 120–440 ms as the page
  // started, while the article and the other documents were read.
  const listed = listedDatabases()
  const [klass, instructors, privateIndex] = await Promise.all(
    asked.map(({ name, read }) =>
      Promise.race([
        read,
        listed.then((names) => (names && !names.has(name) ? NOTHING_STORED : read)),
      ]),
    ),
  )
  if (!klass || !instructors || !privateIndex) return null
  return { class: klass, instructors, private: privateIndex }
}

/** The annotations near the screen, read from the indexes until the documents are open. */
export interface FirstScreenPreview {
  readonly collection: AnnotationCollection
  close(): void
}

/**
 * The reader's annotations whose passages reach into `window` (with the others that share their
 * buckets, all near it), validated and ordered as the documents' own would be: their entries are
 * laid into documents held in memory and read by the same `AnnotationCollection`. `unread` when
 * the indexes were read for another stretch of the article; null when one turns out not to hold
 * what an index should.
 */
export function previewNear(
  indexes: MyIndexes,
  owner: string,
  window: TextSpan,
): FirstScreenPreview | 'unread' | null {
  const entriesOf: (readonly (readonly [string, string])[])[] = []
  for (const visibility of VISIBILITIES) {
    const stored = indexes[visibility]
    if (stored.empty) {
      entriesOf.push([])
      continue
    }
    const entries: (readonly [string, string])[] = []
    for (const bucket of bucketsNear(stored.index, window)) {
      if (!stored.buckets.has(bucket)) return 'unread'
      const read = readBucket(stored.buckets.get(bucket))
      if (!read) return null
      entries.push(...read)
    }
    entriesOf.push(entries)
  }
  const docs = entriesOf.map((entries) => {
    const doc = new Y.Doc()
    const map = annotationEntries(doc)
    doc.transact(() => {
      for (const [id, text] of entries) map.set(id, text)
    })
    return doc
  })
  const collection = new AnnotationCollection(
    VISIBILITIES.map((visibility, i) => ({ doc: docs[i]!, owner, visibility })),
  )
  return {
    collection,
    close: () => {
      collection.destroy()
      for (const doc of docs) doc.destroy()
    },
  }
}
