import { setTimeout as sleep } from 'node:timers/promises'
import * as Y from 'yjs'
import { AnnotationStore, annotationEntries, type Anchor } from '../../src/core/annotations'
import type { MemberConnection } from './sync-transport'

/**
 * A class annotating at once: each member writes comments into its own class document through
 * `AnnotationStore` and reads the class documents of the next `readers` members (a ring), so
 * every write is awaited by `readers` replicas. Latency is timed in this one process, from just
 * before the write to its arrival at each replica.
 */

export interface SessionMember {
  readonly userId: string
  /** The member's class document. */
  readonly docName: string
  readonly connection: MemberConnection
}

export interface SyncSessionOptions {
  readonly members: readonly SessionMember[]
  readonly readersPerDoc: number
  readonly writesPerMember: number
  readonly writeIntervalMs: number
  readonly anchors: readonly Anchor[]
  /** Bounds connecting, and waiting for convergence after the last write. */
  readonly timeoutMs: number
  /** Called once every document is connected and synced, before the first write. */
  readonly onConnected?: () => Promise<void>
}

export interface SyncSessionResult {
  /** One per write and replica, in milliseconds. */
  readonly latencies: readonly number[]
  /** From the last write to the last arrival anywhere, in milliseconds. */
  readonly convergeMs: number
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))
}

export async function runSyncSession(options: SyncSessionOptions): Promise<SyncSessionResult> {
  const { members, readersPerDoc, writesPerMember } = options
  const count = members.length
  if (readersPerDoc >= count) throw new Error('Each member needs more others to read than that.')
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  let lastArrival = 0
  const expected = count * readersPerDoc * writesPerMember
  let arrived!: () => void
  const allArrived = new Promise<void>((resolve) => (arrived = resolve))

  const writers = members.map(() => new Y.Doc())
  const replicas: { of: number; doc: Y.Doc }[] = []
  const synced: Promise<void>[] = []
  members.forEach((member, i) => {
    synced.push(member.connection.open(member.docName, writers[i]!).synced)
    for (let k = 1; k <= readersPerDoc; k++) {
      const of = (i + k) % count
      const doc = new Y.Doc()
      annotationEntries(doc).observe((event) => {
        const now = performance.now()
        for (const id of event.keysChanged) {
          const sent = sentAt.get(id)
          if (sent === undefined || !event.target.has(id)) continue
          latencies.push(now - sent)
          lastArrival = now
          if (latencies.length === expected) arrived()
        }
      })
      replicas.push({ of, doc })
      synced.push(member.connection.open(members[of]!.docName, doc).synced)
    }
  })
  const stores = members.map(
    (member, i) =>
      new AnnotationStore({
        userId: member.userId,
        userName: `Member ${i + 1}`,
        // Only class annotations travel here; the other two visibilities stay local.
        docs: { class: writers[i]!, instructors: new Y.Doc(), private: new Y.Doc() },
      }),
  )
  try {
    await withTimeout(Promise.all(synced), options.timeoutMs, `syncing ${synced.length} documents`)
    await options.onConnected?.()

    let lastWrite = 0
    let anchorIndex = 0
    const writeOnce = (store: AnnotationStore, i: number, n: number) => {
      const anchor = options.anchors[anchorIndex++ % options.anchors.length]!
      const start = performance.now()
      const annotation = store.createComment({
        anchor,
        body: `Comment ${n + 1} of member ${i + 1}`,
        tags: [],
        visibility: 'class',
      })
      sentAt.set(annotation.id, start)
      lastWrite = start
    }
    // Members start spread over one interval, then each writes every interval.
    await Promise.all(
      stores.map(async (store, i) => {
        const first = performance.now() + (i * options.writeIntervalMs) / count
        for (let n = 0; n < writesPerMember; n++) {
          const due = first + n * options.writeIntervalMs
          await sleep(Math.max(0, due - performance.now()))
          writeOnce(store, i, n)
        }
      }),
    )
    await withTimeout(allArrived, options.timeoutMs, `receiving ${expected} annotation copies`)
    for (const replica of replicas) {
      if (!sameState(replica.doc, writers[replica.of]!)) {
        throw new Error(`a replica of ${members[replica.of]!.docName} differs from its writer`)
      }
    }
    return { latencies, convergeMs: lastArrival - lastWrite }
  } finally {
    for (const store of stores) store.destroy()
    for (const member of members) member.connection.destroy()
    // A provider's awareness keeps a timer until its document is destroyed.
    for (const doc of [...writers, ...replicas.map((replica) => replica.doc)]) doc.destroy()
  }
}
