import type * as Y from 'yjs'
import type { Visibility } from '../../core/annotations/annotation'
import type { AnnotationCollection } from '../../core/annotations/annotation-collection'
import type { UserDocScope } from '../../core/seminar/doc-names'
import type { Role } from '../../core/seminar/role'
import { readRoster, rosterMembers } from '../../core/seminar/roster'
import { POST_BEFORE_SEEING_REFUSAL } from '../../core/seminar/seminar-settings'
import type { SeminarConnection } from './seminar-connection'
import type { SyncedDoc } from './synced-doc'

interface PeerDoc {
  readonly owner: string
  readonly visibility: Visibility
  synced: SyncedDoc
}

const VISIBILITY_OF_SCOPE: Readonly<Record<'class' | 'instructor', Visibility>> = {
  class: 'class',
  instructor: 'instructors',
}

/**
 * Other members' annotation documents this member may read, following the roster: every
 * member's class document, and, for instructors, every member's instructor document. Each one
 * joins the annotation collection as it opens and leaves it when its member leaves the seminar.
 */
export class PeerDocuments {
  private readonly peers = new Map<string, PeerDoc>()
  private readonly listeners = new Set<() => void>()
  private readonly unsubscribes = new Map<string, () => void>()
  private queue: Promise<void> = Promise.resolve()
  private closed = false

  constructor(
    private readonly connection: SeminarConnection,
    private readonly rosterDoc: Y.Doc,
    private readonly me: { userId: string; role: Role },
    private readonly collection: AnnotationCollection,
  ) {
    rosterMembers(rosterDoc).observe(this.follow)
    this.follow()
  }

  /** Resolves once the documents the roster calls for are open (for tests and first paint). */
  settled(): Promise<void> {
    return this.queue
  }

  /** Whether the server holds back classmates' annotations until this student posts. */
  awaitingPost(): boolean {
    for (const peer of this.peers.values()) {
      const access = peer.synced.access()
      if (access.state === 'refused' && access.reason === POST_BEFORE_SEEING_REFUSAL) return true
    }
    return false
  }

  /** Asks again for every document the server refused until this student posted. */
  retryAwaitingPost(): Promise<void> {
    return this.enqueue(async () => {
      for (const [name, peer] of this.peers) {
        const access = peer.synced.access()
        if (access.state !== 'refused' || access.reason !== POST_BEFORE_SEEING_REFUSAL) continue
        this.detach(name, peer)
        peer.synced = await this.connection.retry(name)
        this.attach(name, peer)
      }
    })
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    rosterMembers(this.rosterDoc).unobserve(this.follow)
    await this.queue
    for (const [name, peer] of this.peers) this.detach(name, peer)
    this.peers.clear()
    this.listeners.clear()
  }

  private readonly follow = () => {
    void this.enqueue(() => this.align())
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(() => (this.closed ? undefined : task()))
    return this.queue
  }

  private wanted(): Map<string, Omit<PeerDoc, 'synced'>> {
    const scopes: Array<'class' | 'instructor'> =
      this.me.role === 'instructor' ? ['class', 'instructor'] : ['class']
    const wanted = new Map<string, Omit<PeerDoc, 'synced'>>()
    for (const userId of readRoster(this.rosterDoc).keys()) {
      if (userId === this.me.userId) continue
      for (const scope of scopes) {
        const name = this.connection.docName({ kind: 'user', userId, scope: scope as UserDocScope })
        wanted.set(name, { owner: userId, visibility: VISIBILITY_OF_SCOPE[scope] })
      }
    }
    return wanted
  }

  private async align(): Promise<void> {
    const wanted = this.wanted()
    for (const [name, peer] of [...this.peers]) {
      if (wanted.has(name)) continue
      this.detach(name, peer)
      this.peers.delete(name)
      await this.connection.release(name)
    }
    for (const [name, source] of wanted) {
      if (this.peers.has(name) || this.closed) continue
      const peer = { ...source, synced: await this.connection.open(name) }
      this.peers.set(name, peer)
      this.attach(name, peer)
    }
    this.notify()
  }

  private attach(name: string, peer: PeerDoc): void {
    this.collection.add({ doc: peer.synced.doc, owner: peer.owner, visibility: peer.visibility })
    this.unsubscribes.set(name, peer.synced.subscribe(this.notify))
  }

  private detach(name: string, peer: PeerDoc): void {
    this.unsubscribes.get(name)?.()
    this.unsubscribes.delete(name)
    this.collection.remove(peer.synced.doc)
  }

  private readonly notify = () => {
    for (const listener of this.listeners) listener()
  }
}
