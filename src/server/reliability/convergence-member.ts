import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as Y from 'yjs'
import type { Annotation, Visibility } from '../../core/annotations/annotation'
import { AnnotationCollection } from '../../core/annotations/annotation-collection'
import { AnnotationStore, VISIBILITIES } from '../../core/annotations/annotation-store'
import { docName, type UserDocScope } from '../../core/seminar/doc-names'
import { OfflineSwitch } from '../../core/seminar/offline-switch'

/** The document scope that holds each visibility (DESIGN.md: `…:user:<uid>:instructor`). */
export const SCOPE_OF: Readonly<Record<Visibility, UserDocScope>> = {
  private: 'private',
  instructors: 'instructor',
  class: 'class',
}

/** The shared notebook's TipTap fragment in `seminar:<sid>:notebook`. */
export const NOTEBOOK_FRAGMENT = 'notebook'

export interface MemberIdentity {
  userId: string
  name: string
  token: string
}

/**
 * One simulated seminar member, as the app would be: one WebSocket multiplexing every document
 * it opens (its own three, the shared notebook, and each peer's class document, read-only), an
 * `AnnotationStore` writing its own documents, and an `AnnotationCollection` of what it can read.
 * It can go offline and come back while it keeps editing.
 */
export class ConvergenceMember {
  readonly socket: HocuspocusProviderWebsocket
  readonly providers = new Map<string, HocuspocusProvider>()
  readonly docs = new Map<string, Y.Doc>()
  readonly store: AnnotationStore
  readonly visible = new AnnotationCollection()
  private readonly offlineSwitch: OfflineSwitch

  constructor(
    syncUrl: string,
    readonly seminarId: string,
    readonly identity: MemberIdentity,
    peers: readonly string[],
    now: () => Date,
    newId: () => string,
  ) {
    this.socket = new HocuspocusProviderWebsocket({
      url: syncUrl,
      delay: 20,
      minDelay: 20,
      maxDelay: 100,
      factor: 1,
      jitter: false,
    })
    this.offlineSwitch = new OfflineSwitch(this.socket)
    const own = {} as Record<Visibility, Y.Doc>
    for (const visibility of VISIBILITIES) {
      own[visibility] = this.open(this.userDoc(identity.userId, SCOPE_OF[visibility]))
      this.visible.add({ doc: own[visibility], owner: identity.userId, visibility })
    }
    this.open(this.notebookName)
    for (const peer of peers) {
      const doc = this.open(this.userDoc(peer, 'class'))
      this.visible.add({ doc, owner: peer, visibility: 'class' })
    }
    this.store = new AnnotationStore({
      userId: identity.userId,
      userName: identity.name,
      docs: own,
      now,
      newId,
    })
  }

  get notebookName(): string {
    return docName({ kind: 'notebook', seminarId: this.seminarId })
  }

  get notebook(): Y.XmlFragment {
    return this.doc(this.notebookName).getXmlFragment(NOTEBOOK_FRAGMENT)
  }

  get isOnline(): boolean {
    return this.offlineSwitch.isOnline
  }

  userDoc(userId: string, scope: UserDocScope): string {
    return docName({ kind: 'user', seminarId: this.seminarId, userId, scope })
  }

  doc(name: string): Y.Doc {
    const doc = this.docs.get(name)
    if (!doc) throw new Error(`${this.identity.name} has not opened ${name}`)
    return doc
  }

  /** Annotations this member may reply to: theirs and their peers' class annotations. */
  replyable(): readonly Annotation[] {
    return this.visible.all()
  }

  goOffline(): void {
    this.offlineSwitch.goOffline()
  }

  goOnline(): void {
    this.offlineSwitch.goOnline()
  }

  /** Whether every document has finished its handshake and the server acknowledged every change. */
  settled(): boolean {
    return [...this.providers.values()].every(
      (provider) => provider.isSynced && provider.unsyncedChanges === 0,
    )
  }

  destroy(): void {
    this.store.destroy()
    for (const provider of this.providers.values()) provider.destroy()
    this.offlineSwitch.dispose()
    this.socket.destroy()
  }

  private open(name: string): Y.Doc {
    const doc = new Y.Doc()
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      token: this.identity.token,
      document: doc,
    })
    provider.attach()
    this.providers.set(name, provider)
    this.docs.set(name, doc)
    return doc
  }
}
