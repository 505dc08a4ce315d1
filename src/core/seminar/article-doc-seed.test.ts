import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sampleArticle } from '../article/sample-article'
import { ARTICLE_CONTENT_FRAGMENT, ARTICLE_META_MAP, seedSeminarArticle } from './article-doc-seed'

describe('seedSeminarArticle', () => {
  it('writes the content and the meta fields', () => {
    const doc = new Y.Doc()
    const article = sampleArticle()
    seedSeminarArticle(doc, article, 'ab'.repeat(32), '2026-02-03T04:05:06.000Z')
    expect(doc.getXmlFragment(ARTICLE_CONTENT_FRAGMENT).length).toBe(1)
    expect(doc.getMap(ARTICLE_META_MAP).toJSON()).toEqual({
      article: article.meta,
      contentHash: 'ab'.repeat(32),
      seededAt: '2026-02-03T04:05:06.000Z',
    })
  })

  it('refuses a document that already holds an article', () => {
    const doc = new Y.Doc()
    seedSeminarArticle(doc, sampleArticle(), 'ab'.repeat(32), 'now')
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => seedSeminarArticle(doc, sampleArticle(), 'ab'.repeat(32), 'now')).toThrow(
      /already seeded/,
    )
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})
