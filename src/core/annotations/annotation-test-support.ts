import * as Y from 'yjs'
import type { Anchor, Visibility } from './annotation'
import { annotationEntries, entryFields, writeEntry } from './annotation-entry'
import type { BucketLimit } from './first-screen-index'

/** Fixtures for the annotation tests: documents, a steady clock, predictable ids, a seeded PRNG. */

export function anchorOn(exact: string, start = 0): Anchor {
  return {
    articleHash: 'a'.repeat(64),
    start: 'AQID',
    end: 'BAUG',
    quote: { exact, prefix: '', suffix: '' },
    position: { start, end: start + exact.length },
  }
}

/**
 * First-screen index buckets of 32 entries whatever their length: the app's buckets hold ~66,000
 * characters each, far more than a test's few annotations make, and these tests want several.
 */
export const BUCKETS_OF_32: BucketLimit = { entries: 32, characters: Infinity }

export function userDocs(): Record<Visibility, Y.Doc> {
  return { private: new Y.Doc(), instructors: new Y.Doc(), class: new Y.Doc() }
}

/** A clock that moves one second per reading, from a fixed start. */
export function steadyClock(start = Date.UTC(2026, 10, 28, 14, 0, 0)): () => Date {
  let tick = 0
  return () => new Date(start + 1000 * tick++)
}

export function sequentialIds(prefix: string): () => string {
  let next = 0
  return () => `${prefix}-${++next}`
}

/** The origin sync providers use for what arrives from elsewhere. */
export const REMOTE = Symbol('remote replica')

/** Brings two replicas of one document up to date with each other, as a sync provider would. */
export function syncReplicas(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB, REMOTE)
  Y.applyUpdate(a, toA, REMOTE)
}

/** Changes fields of a stored entry as a save on another device would: the whole text anew. */
export function rewriteEntry(
  doc: Y.Doc,
  id: string,
  changes: Readonly<Record<string, unknown>>,
  origin: unknown = REMOTE,
): void {
  const entries = annotationEntries(doc)
  const fields = { ...entryFields(entries.get(id)), ...changes }
  doc.transact(() => writeEntry(entries, id, fields), origin)
}

/** Stores an entry in the shape older versions wrote: a nested map with a key per field. */
export function storeLegacyEntry(
  doc: Y.Doc,
  id: string,
  fields: Readonly<Record<string, unknown>>,
  origin: unknown = REMOTE,
): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  doc.transact(() => {
    annotationEntries(doc).set(id, entry)
    for (const [key, value] of Object.entries(fields)) entry.set(key, value)
  }, origin)
  return entry
}

export { mulberry32 } from '../seeded-random'
