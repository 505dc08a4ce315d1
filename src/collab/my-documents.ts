import type { Visibility } from '../core/annotations/annotation'
import { docName, type UserDocScope } from '../core/seminar/doc-names'
import { openPersistedDocOrAhead } from './documents-ahead'
import type { PersistedDoc } from './persisted-doc'

/** Which of a user's documents holds what they write for each audience (DESIGN.md). */
export const SCOPE_OF_VISIBILITY: Readonly<Record<Visibility, UserDocScope>> = {
  class: 'class',
  instructors: 'instructor',
  private: 'private',
}

/** The documents only this user writes: one per visibility; the private one also holds the notebook. */
export interface MyDocuments {
  readonly byVisibility: Readonly<Record<Visibility, PersistedDoc>>
  flush(): Promise<void>
  close(): Promise<void>
}

/** Opens a document by name: from IndexedDB alone, or also synced with a seminar server. */
export type DocumentOpener = (name: string) => Promise<PersistedDoc>

/** The name of the user's document for one audience. */
export const myDocumentName = (seminarId: string, userId: string, visibility: Visibility) =>
  docName({ kind: 'user', seminarId, userId, scope: SCOPE_OF_VISIBILITY[visibility] })

/** The names of the documents `openMyDocuments` opens. */
export function myDocumentNames(seminarId: string, userId: string): string[] {
  return (Object.keys(SCOPE_OF_VISIBILITY) as Visibility[]).map((visibility) =>
    myDocumentName(seminarId, userId, visibility),
  )
}

/** Opens them from IndexedDB alone unless told otherwise, taking any opened ahead. */
export async function openMyDocuments(
  seminarId: string,
  userId: string,
  openDoc: DocumentOpener = openPersistedDocOrAhead,
): Promise<MyDocuments> {
  const open = (visibility: Visibility) => openDoc(myDocumentName(seminarId, userId, visibility))
  const [klass, instructors, privateDoc] = await Promise.all([
    open('class'),
    open('instructors'),
    open('private'),
  ])
  const byVisibility = { class: klass, instructors, private: privateDoc }
  const all = Object.values(byVisibility)
  return {
    byVisibility,
    flush: async () => {
      await Promise.all(all.map((stored) => stored.flush()))
    },
    close: async () => {
      await Promise.all(all.map((stored) => stored.close()))
    },
  }
}
