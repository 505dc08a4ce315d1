/** What the sync indicator shows (issue 4): `data-state` and the count beside it. */
export type SyncState = 'online' | 'offline' | 'syncing'

export interface SyncStatus {
  state: SyncState
  /** Local changes the server has not acknowledged, over every document of the seminar. */
  unsynced: number
}

export interface DocSyncFacts {
  pending: number
  synced: boolean
  refused: boolean
}

/**
 * Offline while the socket is down (whatever is pending waits, safely in IndexedDB); syncing
 * while connected but a document has not finished its handshake or has changes in flight;
 * online when everything readable is in step with the server.
 */
export function syncStatusOf(connected: boolean, docs: Iterable<DocSyncFacts>): SyncStatus {
  let unsynced = 0
  let settled = true
  for (const doc of docs) {
    unsynced += doc.pending
    // A refused document will never sync; it must not keep the indicator spinning.
    if (!doc.refused && (!doc.synced || doc.pending > 0)) settled = false
  }
  if (!connected) return { state: 'offline', unsynced }
  return { state: settled ? 'online' : 'syncing', unsynced }
}
