import type { Extension, afterHandleMessagePayload } from '@hocuspocus/server'
import type { SecurityLog } from './security-log'
import { SyncClose } from './sync-context'

/**
 * How much of a document's changes may wait for changes the server never received. A member's
 * client sends its changes in order on one WebSocket, each after those it builds on, so none of
 * them ever waits here; what does was made up.
 */
export const MAX_PENDING_UPDATE_BYTES = 1024 * 1024

/**
 * Yjs keeps an update whose dependencies are missing ("pending") in the document, unstored, and
 * merges every later such update into it: without a bound, a client sending updates that can
 * never apply grows the server's memory for as long as the document is open, and each merge
 * copies all of it again, stalling the server for seconds. Past the bound, what waits is
 * dropped (it was never applied, stored or sent to anyone) and the connection is closed.
 */
export class PendingUpdatesLimitExtension implements Extension {
  readonly extensionName = 'hamish-pending-updates-limit'

  constructor(
    private readonly log: SecurityLog,
    private readonly maxBytes = MAX_PENDING_UPDATE_BYTES,
  ) {}

  async afterHandleMessage({
    connection,
    document,
    documentName,
  }: afterHandleMessagePayload): Promise<void> {
    const store = document.store
    const pending =
      (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0)
    if (pending <= this.maxBytes) return
    store.pendingStructs = null
    store.pendingDs = null
    this.log({ kind: 'unappliable-changes', documentName, bytes: pending })
    connection.webSocket.close(SyncClose.unappliable.code, SyncClose.unappliable.reason)
  }
}
