import type { Browser } from '@playwright/test'
import * as Y from 'yjs'
import { documentIndexRecords } from '../../src/collab/first-screen-keeping'
import { AnnotationCollection } from '../../src/core/annotations/annotation-collection'
import { threadSpans } from '../../src/core/annotations/first-screen-index'
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
  /** The class document as the app leaves it: its whole state, and its first-screen index. */
  readonly seminar: readonly StoredDatabase[]
  /**
   * The same without a first-screen index it can trust: as another window's write, or a version
   * of the app before the index, leaves it.
   */
  readonly seminarUnindexed: readonly StoredDatabase[]
}

/** The key IndexedDB gives the first entry of a new store. */
const FIRST_ENTRY_KEY = 1

/** The class document's first-screen index, as the reader's session would store it. */
function classIndex(update: Uint8Array): [string, unknown][] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const collection = new AnnotationCollection([
    { doc, owner: BENCH_READER.userId, visibility: 'class' },
  ])
  const spans = threadSpans(collection.threads().threads)
  collection.destroy()
  return documentIndexRecords(doc, spans, FIRST_ENTRY_KEY)
}

export function readerDocuments(seminar: SyntheticSeminar): ReaderDocuments {
  const { seminarId } = seminar.article
  const article = storedDatabase(docName({ kind: 'article', seminarId }), [seminar.articleUpdate])
  const classDoc = docName({ kind: 'user', seminarId, userId: BENCH_READER.userId, scope: 'class' })
  const classUpdate = mergedClassUpdate(seminar)
  const index = Object.fromEntries(classIndex(classUpdate))
  return {
    empty: [article],
    seminar: [article, storedDatabase(classDoc, [classUpdate], index)],
    seminarUnindexed: [article, storedDatabase(classDoc, [classUpdate])],
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
