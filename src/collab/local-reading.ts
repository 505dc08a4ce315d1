import * as Y from 'yjs'
import { articlePlainText } from '../core/article/article-text'
import type { ArticleDoc } from '../core/article/article-doc'
import { contentHashAsync } from '../core/content-hash-async'
import { docName, localSeminarId } from '../core/seminar/doc-names'
import {
  articleFragment,
  readArticleDocMeta,
  seedArticleOnce,
  type ArticleDocMeta,
} from './article-seed'
import { openAhead } from './documents-ahead'
import { myDocumentNames } from './my-documents'
import { openPersistedDoc, type PersistedDoc } from './persisted-doc'

/** An article opened for reading alone: its Yjs document, kept in IndexedDB. */
export interface LocalReading {
  readonly seminarId: string
  readonly docName: string
  readonly doc: Y.Doc
  readonly fragment: Y.XmlFragment
  readonly meta: ArticleDocMeta
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
}

/** Long enough for the slowest workspace to claim them, short enough not to hold them for long. */
const UNCLAIMED_FOR_MS = 15_000

/**
 * Opens (creating on first use) the local seminar for an article. The article is seeded into
 * the document only when IndexedDB does not hold it yet, under a cross-tab lock, so two windows
 * opening the same new article cannot both seed it.
 */
export async function openLocalReading(
  article: ArticleDoc,
  options: OpenLocalReadingOptions = {},
): Promise<LocalReading> {
  const hash = await contentHashAsync(articlePlainText(article.content))
  const seminarId = localSeminarId(hash)
  const name = docName({ kind: 'article', seminarId })
  if (options.readerId) openAhead(myDocumentNames(seminarId, options.readerId), UNCLAIMED_FOR_MS)
  const open = async (): Promise<PersistedDoc> => {
    const stored = await openPersistedDoc(name, new Y.Doc())
    if (seedArticleOnce(stored.doc, article, hash)) await stored.flush()
    return stored
  }
  const stored = options.locks
    ? await options.locks.request(`hamish:seed:${name}`, open)
    : await open()

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
    flush: stored.flush,
    close: stored.close,
  }
}
