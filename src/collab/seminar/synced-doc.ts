import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { openPersistedDoc, type PersistedDoc } from '../persisted-doc'
import type { PendingChanges } from './pending-changes'

/** What the server said to this document's token: let in, read only, or refused (and why). */
export type DocAccess =
  | { state: 'waiting' }
  | { state: 'write' }
  | { state: 'read' }
  | { state: 'refused'; reason: string }

/**
 * A seminar document: kept in IndexedDB like a local one (so it opens with no network) and
 * synced through the seminar's shared WebSocket whenever there is one.
 */
export interface SyncedDoc extends PersistedDoc {
  readonly provider: HocuspocusProvider
  access(): DocAccess
  /** Local changes the server has not acknowledged yet, including those from before a reload. */
  pending(): number
  /** Whether the first sync with the server has happened since this document was opened. */
  synced(): boolean
  /** Called on any change of access, pending count or sync state. */
  subscribe(listener: () => void): () => void
}

export interface SyncedDocOptions {
  socket: HocuspocusProviderWebsocket
  token: string
  pendingChanges: PendingChanges
  /** Documents without presence (peers' annotations) skip awareness to spare messages. */
  awareness: boolean
  /**
   * The IndexedDB database to keep it in. Not the bare document name: two members on one device
   * (an instructor trying their own seminar as a student, say) must never share a copy, or one
   * would see what the server refuses them.
   */
  storeName: string
}

export async function openSyncedDoc(name: string, options: SyncedDocOptions): Promise<SyncedDoc> {
  const stored = await openPersistedDoc(options.storeName)
  const provider = new HocuspocusProvider({
    websocketProvider: options.socket,
    name,
    document: stored.doc,
    token: options.token,
    ...(options.awareness ? {} : { awareness: null }),
  })
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  let access: DocAccess = { state: 'waiting' }
  let closed = false
  let pending = options.pendingChanges.read(options.storeName)

  provider.on('authenticated', ({ scope }: { scope: string }) => {
    access = { state: scope === 'readonly' ? 'read' : 'write' }
    notify()
  })
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    access = { state: 'refused', reason }
    notify()
  })
  const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
    // Updates from the provider came from the server; everything else was made here.
    if (origin === provider) return
    pending += 1
    options.pendingChanges.write(options.storeName, pending)
    notify()
  }
  stored.doc.on('update', onLocalUpdate)
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (number === 0 && provider.isSynced && pending > 0) {
      pending = 0
      options.pendingChanges.write(options.storeName, 0)
    }
    notify()
  })
  provider.on('synced', notify)
  provider.on('disconnect', notify)
  provider.attach()

  return {
    name,
    doc: stored.doc,
    provider,
    access: () => access,
    pending: () => pending,
    synced: () => provider.isSynced,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush: stored.flush,
    close: async () => {
      if (closed) return
      closed = true
      stored.doc.off('update', onLocalUpdate)
      listeners.clear()
      provider.destroy()
      await stored.close()
    },
  }
}
