import { docName } from '../../src/core/seminar/doc-names'
import type { StoredDatabase } from '../pages/page-api'
import { mergedClassUpdate, type SyntheticSeminar } from '../synthetic-seminar'
import { BENCH_READER, identityStorageEntry } from './reader-identity'
import type { LoadOptions } from './reader-load'
import { storedDatabase } from './stored-database'

/** What the reader's IndexedDB holds: the article, and with the seminar its class document. */
export interface ReaderDocuments {
  readonly empty: readonly StoredDatabase[]
  readonly seminar: readonly StoredDatabase[]
}

export function readerDocuments(seminar: SyntheticSeminar): ReaderDocuments {
  const { seminarId } = seminar.article
  const article = storedDatabase(docName({ kind: 'article', seminarId }), [seminar.articleUpdate])
  const classDoc = docName({ kind: 'user', seminarId, userId: BENCH_READER.userId, scope: 'class' })
  return {
    empty: [article],
    seminar: [article, storedDatabase(classDoc, [mergedClassUpdate(seminar)])],
  }
}

/** The reader's documents, stored from the server's health page before the app loads. */
export function prefillFor(
  url: string,
  databases: readonly StoredDatabase[],
): NonNullable<LoadOptions['prefill']> {
  return {
    prefillFrom: new URL('api/health', url).href,
    databases,
    localStorage: identityStorageEntry(),
  }
}
