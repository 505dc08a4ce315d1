import type * as Y from 'yjs'
import { articlePlainText } from '../core/article/article-text'
import type { TextSpan } from '../core/annotations/first-screen-index'
import type { ArticleDoc } from '../core/article/article-doc'
import { contentHashAsync } from '../core/content-hash-async'
import { docName, localSeminarId } from '../core/seminar/doc-names'
import {
  articleFragment,
  isSeeded,
  readArticleDocMeta,
  seedArticleOnce,
  type ArticleDocMeta,
} from './article-seed'
import { abandonAhead, openAhead } from './documents-ahead'
import { readMyIndexes, type MyIndexes } from './first-screen-preview'
import { myDocumentNames } from './my-documents'
import { openPersistedDoc, type LocalDoc } from './persisted-doc'

/** An article opened for reading alone: its Yjs document, kept in IndexedDB. */
export interface LocalReading {
  readonly seminarId: string
  readonly docName: string
  readonly doc: Y.Doc
  readonly fragment: Y.XmlFragment
  readonly meta: ArticleDocMeta
  /**
   * The first-screen indexes of the reader's own documents, read as the article opens: null
   * when they cannot be trusted (then the documents are read whole before anything is drawn).
   * Absent where the documents are not this browser's alone (a seminar).
   */
  readonly firstScreen?: Promise<MyIndexes | null>
  /** Writes everything to IndexedDB now (before the window closes, say). */
  flush(): Promise<void>
  close(): Promise<void>
}

/** The part of the Web Locks API we use; absent where the page is not a secure context. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>
}

export interface OpenLocalReadingOptions {
  locks?: LockManagerLike | undefined
  /**
   * Who reads: their own documents for the article start opening with it, for the annotation
   * session to take (`openMyDocuments`) rather than open only once the editor is built.
   */
  readerId?: string | undefined
  /**
   * The stretch of the article's text its first screen is expected to show (the reader's window
   * decides it): the index buckets reaching into it are read with the indexes. About two screens
   * of an ordinary window when absent.
   */
  opensAt?: TextSpan | undefined
}

/** Long enough for the slowest workspace to claim them, short enough not to hold them for long. */
const UNCLAIMED_FOR_MS = 15_000

/**
 * Opens (creating on first use) the local seminar for an article. The article is seeded into
 * the document only when IndexedDB does not hold it yet, under a cross-tab lock, so two windows
 * opening the same new article cannot both seed it. An article already seeded is read without
 * the lock.
 */
export async function openLocalReading(
  article: ArticleDoc,
  options: OpenLocalReadingOptions = {},
): Promise<LocalReading> {
  const hash = await contentHashAsync(articlePlainText(article.content))
  const seminarId = localSeminarId(hash)
  const name = docName({ kind: 'article', seminarId })
  // Asked for before the reader's own documents: IndexedDB answers in the order it is asked, and
  // the article is what the reader sees first.
  const opening = openSeededArticle(name, article, hash, options.locks)
  const firstScreen = options.readerId
    ? readIndexesAndOpenAhead(seminarId, options.readerId, options.opensAt ?? TWO_SCREENS)
    : undefined
  const stored = await opening

  const meta = readArticleDocMeta(stored.doc)
  if (!meta) {
    await stored.close()
    throw new Error(`The stored reading ${name} is damaged: its article details cannot be read.`)
  }
  return {
    seminarId,
    docName: name,
    doc: stored.doc,
    fragment: articleFragment(stored.doc),
    meta,
    ...(firstScreen && { firstScreen }),
    flush: stored.flush,
    close: stored.close,
  }
}

/**
 * The top of the article, where it opens, for a caller that does not know the window: about two
 * screens of text. A screen that shows more has the rest read once the article is laid out.
 */
const TWO_SCREENS: TextSpan = { start: 0, end: 4_000 }

/**
 * The reader's first-screen indexes. Their documents start opening ahead too, asked for after
 * the indexes (so those are answered first), and are abandoned before they decode anything when
 * the indexes can be trusted: then they open once the first screen is drawn.
 */
function readIndexesAndOpenAhead(
  seminarId: string,
  readerId: string,
  opensAt: TextSpan,
): Promise<MyIndexes | null> {
  const names = myDocumentNames(seminarId, readerId)
  const reading = readMyIndexes(seminarId, readerId, opensAt)
  openAhead(names, UNCLAIMED_FOR_MS)
  void reading.then((indexes) => {
    if (indexes) abandonAhead(names)
  })
  return reading
}

/**
 * Reading a seeded article takes no lock: waiting for one cost a round trip to the browser
 * process on every open (40 ms as a page starts). Only seeding takes it, and then reads again
 * what another window may have stored while this one waited.
 */
async function openSeededArticle(
  name: string,
  article: ArticleDoc,
  hash: string,
  locks: LockManagerLike | undefined,
): Promise<LocalDoc> {
  const stored = await openPersistedDoc(name)
  if (isSeeded(stored.doc)) return stored
  const seed = async () => {
    await stored.refresh()
    if (seedArticleOnce(stored.doc, article, hash)) await stored.flush()
  }
  try {
    await (locks ? locks.request(`hamish:seed:${name}`, seed) : seed())
  } catch (error) {
    // The seeding's failure is what the caller must hear of, not closing's.
    await stored.close().catch(() => undefined)
    throw error
  }
  return stored
}
