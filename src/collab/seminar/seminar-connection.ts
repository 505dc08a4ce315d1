import { WebSocketStatus, type HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { docName, type DocRef } from '../../core/seminar/doc-names'
import type { SeminarMembership } from '../../core/seminar/membership'
import { OfflineSwitch } from '../../core/seminar/offline-switch'
import { pendingChangesInMemory, type PendingChanges } from './pending-changes'
import { isSocketConnected, openSyncSocket, type SyncSocketOptions } from './sync-socket'
import { openSyncedDoc, type SyncedDoc } from './synced-doc'
import { syncStatusOf, type SyncStatus } from './sync-status'

/** The server's own reason for closing the connection (a 4xxx WebSocket close code). */
export interface ConnectionProblem {
  code: number
  reason: string
}

export interface SeminarConnectionOptions extends SyncSocketOptions {
  pendingChanges?: PendingChanges
}

/**
 * A member's link to one seminar: one WebSocket to its server, and every document of the
 * seminar this device has open, each kept in IndexedDB and synced over that socket.
 */
export class SeminarConnection {
  private readonly socket: HocuspocusProviderWebsocket
  private readonly docs = new Map<string, SyncedDoc>()
  private readonly unsubscribes = new Map<string, () => void>()
  private readonly listeners = new Set<() => void>()
  private readonly pendingChanges: PendingChanges
  private status: SyncStatus = { state: 'offline', unsynced: 0 }
  private closed = false
  private failures = 0
  private lastProblem: ConnectionProblem | null = null
  private readonly offlineSwitch: OfflineSwitch

  constructor(
    readonly membership: SeminarMembership,
    options: SeminarConnectionOptions = {},
  ) {
    this.socket = openSyncSocket(membership.server, options)
    this.offlineSwitch = new OfflineSwitch(this.socket)
    this.pendingChanges = options.pendingChanges ?? pendingChangesInMemory()
    this.socket.on('status', this.refresh)
    this.socket.on('disconnect', this.onDisconnect)
    this.socket.on('connect', this.onConnect)
    this.refresh()
  }

  docName(ref: DistributiveOmit<DocRef, 'seminarId'>): string {
    return docName({ ...ref, seminarId: this.membership.seminarId } as DocRef)
  }

  /** Opens a document of this seminar (once: a second call gives the same one). */
  async open(name: string, options: { awareness?: boolean } = {}): Promise<SyncedDoc> {
    if (this.closed) throw new Error('This seminar connection is closed.')
    const existing = this.docs.get(name)
    if (existing) return existing
    const synced = await openSyncedDoc(name, {
      socket: this.socket,
      token: this.membership.token,
      pendingChanges: this.pendingChanges,
      awareness: options.awareness ?? false,
      storeName: `hamish:${this.membership.server}:${this.membership.userId}:${name}`,
    })
    if (this.closed || this.docs.has(name)) {
      await synced.close()
      const winner = this.docs.get(name)
      if (!winner) throw new Error('This seminar connection is closed.')
      return winner
    }
    this.docs.set(name, synced)
    this.unsubscribes.set(name, synced.subscribe(this.refresh))
    this.refresh()
    return synced
  }

  /** Closes one document (a member who left the seminar, say). */
  async release(name: string): Promise<void> {
    const synced = this.docs.get(name)
    if (!synced) return
    this.docs.delete(name)
    this.unsubscribes.get(name)?.()
    this.unsubscribes.delete(name)
    await synced.close()
    this.refresh()
  }

  /**
   * Asks the server again for a document it refused (after the student posted, in a "post
   * before you see" seminar): the document is reopened from IndexedDB with a new handshake.
   */
  async retry(name: string): Promise<SyncedDoc> {
    const awareness = this.docs.get(name)?.provider.awareness !== null
    await this.release(name)
    return this.open(name, { awareness })
  }

  /**
   * Follows the device's network state: browsers keep a dead WebSocket open for a long while
   * after the network goes, so when the system says it is offline the socket is closed (the
   * work stays in IndexedDB) and reopened as soon as it says it is back.
   */
  setNetworkAvailable(available: boolean): void {
    if (this.closed) return
    if (available) this.offlineSwitch.goOnline()
    else this.offlineSwitch.goOffline()
  }

  get(name: string): SyncedDoc | undefined {
    return this.docs.get(name)
  }

  syncStatus(): SyncStatus {
    return this.status
  }

  isConnected(): boolean {
    return isSocketConnected(this.socket)
  }

  /** Why the server last closed the connection, until it is connected again. */
  problem(): ConnectionProblem | null {
    return this.lastProblem
  }

  /** Failed or lost connections since the last successful one. */
  connectFailures(): number {
    return this.failures
  }

  /** Called when the sync status changes, and on every connect and disconnect. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async flush(): Promise<void> {
    await Promise.all([...this.docs.values()].map((synced) => synced.flush()))
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.offlineSwitch.dispose()
    for (const unsubscribe of this.unsubscribes.values()) unsubscribe()
    this.unsubscribes.clear()
    const docs = [...this.docs.values()]
    this.docs.clear()
    await Promise.all(docs.map((synced) => synced.close()))
    this.socket.off('status', this.refresh)
    this.socket.off('disconnect', this.onDisconnect)
    this.socket.off('connect', this.onConnect)
    this.socket.destroy()
    this.listeners.clear()
  }

  private readonly onConnect = () => {
    this.failures = 0
    this.lastProblem = null
    this.refresh(true)
  }

  private readonly onDisconnect = (payload?: { event?: { code?: number; reason?: string } }) => {
    this.failures += 1
    const code = payload?.event?.code
    // 4000–4999: the server closed the connection on purpose and said why.
    if (code !== undefined && code >= 4000 && code < 5000) {
      this.lastProblem = { code, reason: payload?.event?.reason ?? '' }
    }
    this.refresh(true)
  }

  private readonly refresh = (force = false) => {
    const next = syncStatusOf(
      this.socket.status === WebSocketStatus.Connected,
      [...this.docs.values()].map((synced) => ({
        pending: synced.pending(),
        synced: synced.synced(),
        refused: synced.access().state === 'refused',
      })),
    )
    const same = next.state === this.status.state && next.unsynced === this.status.unsynced
    if (same && force !== true) return
    this.status = next
    for (const listener of this.listeners) listener()
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
