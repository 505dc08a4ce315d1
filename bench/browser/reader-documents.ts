import type { Browser } from '@playwright/test'
import type { RunningServer } from '../../e2e/support/hamish-server'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import { docName } from '../../src/core/seminar/doc-names'
import type { Fixtures } from '../harness/fixtures'
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

/** What opening the reader as the Scale benchmark does takes: one browser, one server, one seminar. */
export interface ReaderScene {
  readonly browser: Browser
  readonly server: RunningServer
  readonly article: ArticleDoc
  readonly seminar: SyntheticSeminar
  readonly documents: ReaderDocuments
}

export async function readerScene(fixtures: Fixtures): Promise<ReaderScene> {
  const [browser, server, article, seminar] = await Promise.all([
    fixtures.browser(),
    fixtures.hamishServer(),
    fixtures.article(),
    fixtures.readerSeminar(),
  ])
  return { browser, server, article, seminar, documents: readerDocuments(seminar) }
}
