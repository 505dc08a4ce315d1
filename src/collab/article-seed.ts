import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import type { ArticleDoc, ArticleMeta } from '../core/article/article-doc'
import { ArticleMetaSchema } from '../core/article/article-doc'
import { articleSchema } from '../editor/article-schema'

/** Shape of `Map('meta')` in an article document. */
export interface ArticleDocMeta {
  article: ArticleMeta
  contentHash: string
  seededAt: string
}

export const ARTICLE_FIELD = 'content'
export const SEED_ORIGIN = 'hamish:seed'

export function articleFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(ARTICLE_FIELD)
}

export function isSeeded(doc: Y.Doc): boolean {
  return doc.getMap('meta').has('seededAt') || articleFragment(doc).length > 0
}

/**
 * Writes the article into an empty article document. Only whoever creates the reading may
 * call this: two replicas seeding the same empty document would each insert the whole
 * article, and the merge would hold it twice. Returns false when the document already holds it.
 */
export function seedArticleOnce(doc: Y.Doc, article: ArticleDoc, contentHash: string): boolean {
  if (isSeeded(doc)) return false
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(articleSchema(), article.content, articleFragment(doc))
    const meta = doc.getMap('meta')
    meta.set('article', article.meta)
    meta.set('contentHash', contentHash)
    meta.set('seededAt', new Date().toISOString())
  }, SEED_ORIGIN)
  return true
}

/** Reads `Map('meta')` back, validated: it may come from another replica or an old version. */
export function readArticleDocMeta(doc: Y.Doc): ArticleDocMeta | null {
  const meta = doc.getMap('meta')
  const article = ArticleMetaSchema.safeParse(meta.get('article'))
  const contentHash = meta.get('contentHash')
  const seededAt = meta.get('seededAt')
  if (!article.success || typeof contentHash !== 'string' || typeof seededAt !== 'string') {
    return null
  }
  return { article: article.data, contentHash, seededAt }
}
