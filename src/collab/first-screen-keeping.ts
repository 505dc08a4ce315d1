import type * as Y from 'yjs'
import type { AnnotationCollection } from '../core/annotations/annotation-collection'
import { annotationEntries } from '../core/annotations/annotation-entry'
import type { AnnotationThread } from '../core/annotations/annotation-threads'
import {
  BUCKET_LIMIT,
  buildFirstScreenIndex,
  threadSpans,
  type BucketLimit,
  type TextSpan,
} from '../core/annotations/first-screen-index'
import { FIRST_SCREEN_INDEX_KEY, indexRecords } from './first-screen-store'
import type { MyDocuments } from './my-documents'

/**
 * The records of a document's first-screen index, as `keepSummary` stores them beside its state
 * (stored under `entryKey`), its entries placed by `spans`.
 */
export function documentIndexRecords(
  doc: Y.Doc,
  spans: ReadonlyMap<string, TextSpan>,
  entryKey: number,
  limit: BucketLimit = BUCKET_LIMIT,
): [string, unknown][] {
  return indexRecords(
    buildFirstScreenIndex(annotationEntries(doc).entries(), spans, entryKey, limit),
  )
}

/**
 * How long a document is left unchanged before it is written whole with its index. Until then
 * the index describes an older state and the next opening cannot use it; a reload or a closed
 * window does not reliably leave time for that write.
 */
export const INDEX_AFTER_QUIET_MS = 2_000

/**
 * Has each of the reader's documents stored with a first-screen index of its entries (written
 * with every whole state, and after each pause in its changes), so that the next opening can
 * draw the screen before reading them all (first-screen-preview.ts). Returns what stops it, to
 * be called before the collection is destroyed.
 */
export function keepFirstScreenIndexes(
  mine: MyDocuments,
  collection: AnnotationCollection,
  quietMs = INDEX_AFTER_QUIET_MS,
  limit: BucketLimit = BUCKET_LIMIT,
): () => void {
  // One placing serves the three documents a flush writes, until the annotations change.
  let placed: { threads: readonly AnnotationThread[]; spans: Map<string, TextSpan> } | null = null
  let spans = () => {
    const { threads } = collection.threads()
    if (placed?.threads !== threads) placed = { threads, spans: threadSpans(threads) }
    return placed.spans
  }
  const stops = Object.values(mine.byVisibility).map((stored) => {
    if (!stored.keepSummary) return () => {}
    stored.keepSummary(FIRST_SCREEN_INDEX_KEY, (entryKey) =>
      documentIndexRecords(stored.doc, spans(), entryKey, limit),
    )
    let timer: ReturnType<typeof setTimeout> | undefined
    const rewriteWhenQuiet = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void stored.flush(), quietMs)
    }
    stored.doc.on('update', rewriteWhenQuiet)
    return () => {
      clearTimeout(timer)
      stored.doc.off('update', rewriteWhenQuiet)
    }
  })
  return () => {
    stops.forEach((stop) => stop())
    // The documents are still written whole as they close (later still, when a write failed),
    // after the collection is gone: their indexes place the entries as they were when it went.
    const last = spans()
    spans = () => last
  }
}
