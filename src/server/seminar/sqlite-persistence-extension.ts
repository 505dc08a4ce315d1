import {
  isTransactionOrigin,
  type Extension,
  type afterUnloadDocumentPayload,
  type beforeSyncPayload,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server'
import * as Y from 'yjs'
import type { DocumentStore } from './document-store'
import { SyncClose, SyncRefusal } from './sync-context'

/** y-protocols' sync message types: only step 2 and update carry changes. */
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/**
 * Keeps documents in the SQLite store so that a restart loses nothing that was acknowledged.
 *
 * Hocuspocus's own store hook (`onStoreDocument`) is debounced by seconds, while a client counts
 * a change as saved as soon as the server acknowledges it, which it does right after applying
 * it. So every update is appended to the store by a listener on the document's `update` event:
 * Yjs calls it synchronously while the update is applied, before Hocuspocus sends the
 * acknowledgement, and `node:sqlite` writes synchronously. The debounced hook then compacts:
 * it stores the merged state and drops the appended updates.
 *
 * When the store cannot write (a full or read-only disk), the change is not acknowledged: its
 * sender is disconnected with the reason, and keeps it to send again. The document is then held
 * as unsaved, and every change to it is refused until a compaction of it succeeds: without
 * that, a client reconnecting would find its change already in the server's memory and be told
 * it was saved.
 */
export class SqlitePersistenceExtension implements Extension {
  readonly extensionName = 'hamish-sqlite-persistence'
  private readonly unsaved = new Set<string>()

  constructor(private readonly store: DocumentStore) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = this.store.load(documentName)
    if (stored) Y.applyUpdate(document, stored)
    // Updates left by a previous run (stopped before it compacted) are merged now.
    if (this.store.pendingUpdates(documentName) > 0) {
      this.store.compact(documentName, Y.encodeStateAsUpdate(document))
    }
    // Registered after loading, so that what was just loaded is not appended again.
    document.on('update', (update: Uint8Array, origin: unknown) => {
      try {
        this.store.append(documentName, update)
      } catch (error) {
        this.unsaved.add(documentName)
        this.report(documentName, error)
        closeSender(origin)
        // Ends the handling of the message before Hocuspocus acknowledges it.
        throw new SyncRefusal(SyncClose.cannotSave.reason)
      }
    })
  }

  async beforeSync({ connection, document, documentName, type }: beforeSyncPayload): Promise<void> {
    if (connection.readOnly || (type !== SYNC_STEP_2 && type !== SYNC_UPDATE)) return
    if (!this.unsaved.has(documentName)) return
    try {
      this.store.compact(documentName, Y.encodeStateAsUpdate(document))
      this.unsaved.delete(documentName)
    } catch (error) {
      this.report(documentName, error)
      connection.webSocket.close(SyncClose.cannotSave.code, SyncClose.cannotSave.reason)
      throw new SyncRefusal(SyncClose.cannotSave.reason)
    }
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    this.store.compact(documentName, Y.encodeStateAsUpdate(document))
    this.unsaved.delete(documentName)
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.unsaved.delete(documentName)
  }

  private report(documentName: string, error: unknown): void {
    const cause = error instanceof Error ? error.message : String(error)
    console.error(
      `hamish: cannot save changes to ${documentName} in "${this.store.location}" (${cause}); ` +
        'changes to it are refused, and stay with their writers, until the disk has room and is writable.',
    )
  }
}

/** Disconnects the client whose change this was, when it came from one. */
function closeSender(origin: unknown): void {
  if (!isTransactionOrigin(origin) || origin.source !== 'connection') return
  origin.connection.webSocket.close(SyncClose.cannotSave.code, SyncClose.cannotSave.reason)
}
