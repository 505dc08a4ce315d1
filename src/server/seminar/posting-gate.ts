import * as Y from 'yjs'
import { annotationEntries } from '../../core/annotations'
import { docName, type DocRef } from '../../core/seminar/doc-names'
import type { SeminarRecord } from './seminar-records'

/** What the gate needs to read a document: in memory if it is open, else from the store. */
export type DocumentStateReader = (documentName: string) => Promise<Uint8Array | null>

/**
 * "Post before you see": in a seminar that asks for it, a student may open a classmate's
 * annotations only once they have posted one of their own (for the class or the instructors;
 * private notes do not count). Enforced here, on the server, so hiding is not left to the client.
 */
export class PostingGate {
  constructor(private readonly readState: DocumentStateReader) {}

  async mayOpen(
    ref: DocRef,
    viewer: { userId: string; role: string },
    seminar: Pick<SeminarRecord, 'id' | 'settings'>,
  ): Promise<boolean> {
    if (!seminar.settings.postBeforeSeeing || viewer.role !== 'student') return true
    if (ref.kind !== 'user' || ref.userId === viewer.userId) return true
    return this.hasPosted(seminar.id, viewer.userId)
  }

  private async hasPosted(seminarId: string, userId: string): Promise<boolean> {
    for (const scope of ['class', 'instructor'] as const) {
      const state = await this.readState(docName({ kind: 'user', seminarId, userId, scope }))
      if (!state) continue
      const doc = new Y.Doc()
      try {
        Y.applyUpdate(doc, state)
        if (annotationEntries(doc).size > 0) return true
      } finally {
        doc.destroy()
      }
    }
    return false
  }
}
