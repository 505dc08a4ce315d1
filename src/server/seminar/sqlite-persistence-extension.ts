import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server'
import * as Y from 'yjs'
import type { DocumentStore } from './document-store'

/**
 * Keeps documents in the SQLite store so that a restart loses nothing that was acknowledged.
 *
 * Hocuspocus's own store hook (`onStoreDocument`) is debounced by seconds, while a client counts
 * a change as saved as soon as the server acknowledges it, which it does right after applying
 * it. So every update is appended to the store by a listener on the document's `update` event:
 * Yjs calls it synchronously while the update is applied, before Hocuspocus sends the
 * acknowledgement, and `node:sqlite` writes synchronously. The debounced hook then compacts:
 * it stores the merged state and drops the appended updates.
 */
export class SqlitePersistenceExtension implements Extension {
  readonly extensionName = 'hamish-sqlite-persistence'

  constructor(private readonly store: DocumentStore) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = this.store.load(documentName)
    if (stored) Y.applyUpdate(document, stored)
    // Updates left by a previous run (stopped before it compacted) are merged now.
    if (this.store.pendingUpdates(documentName) > 0) {
      this.store.compact(documentName, Y.encodeStateAsUpdate(document))
    }
    // Registered after loading, so that what was just loaded is not appended again.
    document.on('update', (update: Uint8Array) => this.store.append(documentName, update))
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    this.store.compact(documentName, Y.encodeStateAsUpdate(document))
  }
}
