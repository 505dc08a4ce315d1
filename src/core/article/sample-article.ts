import type { ArticleDoc, ArticleMeta, PMNode } from './article-doc'

/**
 * A small valid article for tests that need one but are not about importing: one place to
 * change when the article shape grows a field.
 */
export function sampleArticle(
  blocks: PMNode[] = [
    { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'نص ١٢٣' }] },
  ],
  meta: Partial<ArticleMeta> = {},
): ArticleDoc {
  return {
    meta: {
      title: 'الدبلوماسية الدفاعية',
      authors: [],
      authorsEn: [],
      emails: [],
      keywords: [],
      keywordsEn: [],
      language: 'ar',
      publisherNotice: [],
      ...meta,
    },
    content: { type: 'doc', content: blocks },
  }
}
