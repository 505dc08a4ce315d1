import type * as Y from 'yjs'
import { VISIBILITIES } from '../core/annotations/annotation-store'
import { AnnotationCollection } from '../core/annotations/annotation-collection'
import { AnnotationStore } from '../core/annotations/annotation-store'
import { AnnotationUndo } from '../core/annotations/annotation-undo'
import { keepFirstScreenIndexes } from './first-screen-keeping'
import type { LocalReading } from './local-reading'
import { openMyDocuments, type DocumentOpener, type MyDocuments } from './my-documents'

export const NOTEBOOK_FIELD = 'notebook'

export interface Reader {
  userId: string
  name: string
}

/**
 * Everything a reader writes about one article, local-first: their three annotation documents,
 * the store that writes them, its undo history, the collection the UI reads (today the reader's
 * own documents; peers' documents join it when a seminar syncs), and the private notebook.
 */
export interface AnnotationSession {
  readonly store: AnnotationStore
  readonly undo: AnnotationUndo
  readonly collection: AnnotationCollection
  /** The private document; its `XmlFragment('notebook')` is the reader's study notebook. */
  readonly notebookDoc: Y.Doc
  flush(): Promise<void>
  close(): Promise<void>
}

export async function openAnnotationSession(
  reading: Pick<LocalReading, 'seminarId'>,
  reader: Reader,
  openDoc?: DocumentOpener,
): Promise<AnnotationSession> {
  const mine: MyDocuments = await openMyDocuments(reading.seminarId, reader.userId, openDoc)
  const docs = {
    private: mine.byVisibility.private.doc,
    instructors: mine.byVisibility.instructors.doc,
    class: mine.byVisibility.class.doc,
  }
  const store = new AnnotationStore({ userId: reader.userId, userName: reader.name, docs })
  const undo = new AnnotationUndo(store)
  const collection = new AnnotationCollection(
    VISIBILITIES.map((visibility) => ({ doc: docs[visibility], owner: reader.userId, visibility })),
  )
  // Documents of this browser alone: a seminar's change with every peer's update, so their
  // indexes would hardly ever be of the state stored.
  const stopIndexing = openDoc ? () => {} : keepFirstScreenIndexes(mine, collection)
  return {
    store,
    undo,
    collection,
    notebookDoc: docs.private,
    flush: () => mine.flush(),
    close: async () => {
      stopIndexing()
      undo.destroy()
      collection.destroy()
      store.destroy()
      await mine.close()
    },
  }
}
