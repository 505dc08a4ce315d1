import { IndexeddbPersistence, storeState } from 'y-indexeddb'
import * as Y from 'yjs'

/** A Y.Doc kept in IndexedDB under its document name. */
export interface PersistedDoc {
  readonly name: string
  readonly doc: Y.Doc
  /**
   * Writes the whole state now as one entry and drops the updates it merges, so the store
   * stays one entry per document however often it is opened (compaction).
   */
  flush(): Promise<void>
  close(): Promise<void>
}

/** Opens a document from IndexedDB; resolves once what was stored has been loaded into it. */
export async function openPersistedDoc(
  name: string,
  doc: Y.Doc = new Y.Doc(),
): Promise<PersistedDoc> {
  const persistence = new IndexeddbPersistence(name, doc)
  await persistence.whenSynced
  let closed = false
  return {
    name,
    doc,
    flush: () => (closed ? Promise.resolve() : storeState(persistence, true)),
    close: async () => {
      if (closed) return
      await storeState(persistence, true)
      closed = true
      await persistence.destroy()
      doc.destroy()
    },
  }
}
