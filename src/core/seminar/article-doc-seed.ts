import type * as Y from 'yjs'
import type { ArticleDoc } from '../article/article-doc'
import { writeArticleToYXmlFragment } from '../article/article-to-yxml'

/**
 * The layout of an article document (DESIGN.md): the ProseMirror content in
 * `XmlFragment('content')`, and in `Map('meta')` the article's metadata, its content hash and
 * when it was seeded — the same fields `src/collab/article-seed.ts` writes and reads.
 */
export const ARTICLE_CONTENT_FRAGMENT = 'content'
export const ARTICLE_META_MAP = 'meta'

/**
 * Seeds a new seminar's article document. Only the server calls this, once, when it creates the
 * seminar (two replicas seeding the same empty document would merge into two copies), so a
 * document that already holds anything is refused.
 */
export function seedSeminarArticle(
  doc: Y.Doc,
  article: ArticleDoc,
  contentHash: string,
  seededAt: string,
): void {
  const fragment = doc.getXmlFragment(ARTICLE_CONTENT_FRAGMENT)
  const meta = doc.getMap(ARTICLE_META_MAP)
  if (fragment.length > 0 || meta.size > 0) {
    throw new Error('This article document is already seeded; an article is seeded only once.')
  }
  doc.transact(() => {
    writeArticleToYXmlFragment(article.content, fragment)
    meta.set('article', article.meta)
    meta.set('contentHash', contentHash)
    meta.set('seededAt', seededAt)
  })
}
