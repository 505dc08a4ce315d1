import {
  isTransactionOrigin,
  type Extension,
  type beforeSyncPayload,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server'
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync'
import * as Y from 'yjs'
import { SyncClose, SyncRefusal } from '../seminar/sync-context'
import type { DocumentStorage } from './seminar-storage'

/**
 * Keeps documents in a store that answers asynchronously (PostgreSQL) so that a restart loses
 * nothing that was acknowledged.
 *
 * Hocuspocus 4.7 applies a client's update and sends the acknowledgement (SyncStatus) in the
 * same synchronous step (`MessageReceiver.readSyncMessage`), and calls `onChange` without
 * awaiting it, so neither that hook nor a listener on the document's `update` event can hold
 * the acknowledgement back until an asynchronous write is done. What it does await, for each
 * message in turn, before applying it, is the `beforeSync` hook. So a client's update (a sync
 * step 2 or an update message on a writable connection) is appended there: the message is
 * applied and acknowledged only once the INSERT has committed. If the INSERT fails (the database
 * is unreachable, say), the change is neither applied nor acknowledged: its sender is
 * disconnected with the reason, keeps the change, and sends it again on reconnecting.
 *
 * Updates with no client behind them (the server's own writes, such as the roster) are appended
 * from the document's `update` event, and `flush` waits for them at shutdown. Updates that came
 * from another server through Redis are not appended again: that server did. The debounced
 * `onStoreDocument` compacts (see `PostgresDocumentStorage.compact`, which merges rather than
 * overwrites, as several servers compact the same document).
 */
export class SharedPersistenceExtension implements Extension {
  readonly extensionName = 'hamish-shared-persistence'
  private readonly pending = new Set<Promise<void>>()

  constructor(
    private readonly store: DocumentStorage,
    /** Where the store is, for messages (no password). */
    private readonly location: string,
  ) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = await this.store.load(documentName)
    if (stored) Y.applyUpdate(document, stored)
    // Registered after loading, so that what was just loaded is not appended again.
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (isTransactionOrigin(origin) && origin.source !== 'local') return
      this.track(this.store.append(documentName, update))
    })
  }

  async beforeSync({ type, payload, connection, documentName }: beforeSyncPayload): Promise<void> {
    if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) return
    // A read-only connection's changes are refused, not applied: nothing to keep.
    if (connection.readOnly) return
    // Throws on a malformed update, which must not reach the log (it would spoil every load).
    const decoded = Y.decodeUpdate(payload)
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return
    try {
      await this.store.append(documentName, payload)
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error)
      console.error(
        `hamish: cannot save a change to ${documentName} in ${this.location} (${cause}); ` +
          'it was refused, and stays with its writer, who sends it again on reconnecting.',
      )
      connection.webSocket.close(SyncClose.cannotSave.code, SyncClose.cannotSave.reason)
      throw new SyncRefusal(SyncClose.cannotSave.reason)
    }
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    await this.store.compact(documentName, Y.encodeStateAsUpdate(document))
  }

  /** Waits for the appends of the server's own writes still under way. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending])
  }

  private track(append: Promise<void>): void {
    const tracked = append
      .catch((error: unknown) => {
        // The change is in memory and reaches the store with the next compaction.
        process.stderr.write(`hamish: could not store a server-side change: ${String(error)}\n`)
      })
      .finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }
}
