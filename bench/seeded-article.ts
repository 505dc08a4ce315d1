import * as Y from 'yjs'
import { articleFragment, seedArticleOnce } from '../src/collab/article-seed'
import { buildArticleTextIndex, type ArticleTextIndex } from '../src/core/anchoring'
import { articlePlainText } from '../src/core/article'
import type { ArticleDoc } from '../src/core/article/article-doc'
import { contentHash } from '../src/core/content-hash'
import { localSeminarId } from '../src/core/seminar/doc-names'

/** The article's Yjs document as a local reading seeds it, made reproducible for benchmarks. */
export interface SeededArticle {
  readonly doc: Y.Doc
  readonly fragment: Y.XmlFragment
  /** Content hash of the article's plain text: its edition, and the source of the seminar id. */
  readonly hash: string
  /** The id the app gives the local reading of this article. */
  readonly seminarId: string
  /** Index of the fragment as seeded. */
  readonly index: ArticleTextIndex
}

/** What `seededAt` says in every benchmark article: the real clock would change the bytes. */
export const FIXED_SEEDED_AT = '2026-09-01T08:00:00.000Z'

/**
 * Seeds the article with `seedArticleOnce`, as the app's first open does, under a fixed client
 * id and seeding date, so the same article always encodes to the same bytes.
 */
export function seededArticle(article: ArticleDoc, clientId: number): SeededArticle {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const hash = contentHash(articlePlainText(article.content))
  seedArticleOnce(doc, article, hash)
  // Overwritten in a second transaction: garbage collection drops the first value's content.
  doc.getMap('meta').set('seededAt', FIXED_SEEDED_AT)
  return {
    doc,
    fragment: articleFragment(doc),
    hash,
    seminarId: localSeminarId(hash),
    index: buildArticleTextIndex(article.content),
  }
}
