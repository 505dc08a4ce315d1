import * as Y from 'yjs'
import type { Anchor, Visibility } from './annotation'

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

export { mulberry32 } from '../seeded-random'
