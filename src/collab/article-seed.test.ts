import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { sampleArticle } from '../core/article/sample-article'
import { articleFragment, isSeeded, readArticleDocMeta, seedArticleOnce } from './article-seed'

const article = sampleArticle(
  [
    {
      type: 'heading',
      attrs: { level: 1, dir: 'rtl', role: 'title' },
      content: [{ type: 'text', text: 'عنوان' }],
    },
    { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'Abstract ١٢' }] },
  ],
  { title: 'عنوان', authors: ['أ'] },
)

function headingTexts(doc: Y.Doc): string[] {
  const json = yXmlFragmentToProsemirrorJSON(articleFragment(doc)) as {
    content: { type: string; content?: { text: string }[] }[]
  }
  return json.content.map((node) => node.content?.map((t) => t.text).join('') ?? '')
}

describe('seeding the article document', () => {
  it('writes the article and its meta once', () => {
    const doc = new Y.Doc()
    expect(isSeeded(doc)).toBe(false)
    expect(seedArticleOnce(doc, article, 'f'.repeat(64))).toBe(true)
    expect(headingTexts(doc)).toEqual(['عنوان', 'Abstract ١٢'])
    expect(readArticleDocMeta(doc)?.article.title).toBe('عنوان')
    expect(seedArticleOnce(doc, article, 'f'.repeat(64))).toBe(false)
    expect(headingTexts(doc)).toHaveLength(2)
  })

  it('keeps per-block direction and roles in the fragment', () => {
    const doc = new Y.Doc()
    seedArticleOnce(doc, article, 'f'.repeat(64))
    const json = yXmlFragmentToProsemirrorJSON(articleFragment(doc)) as {
      content: { attrs: Record<string, unknown> }[]
    }
    expect(json.content[0]?.attrs).toMatchObject({ dir: 'rtl', role: 'title', level: 1 })
    expect(json.content[1]?.attrs).toMatchObject({ dir: 'ltr' })
  })

  it('does not seed a replica that already received the article by sync', () => {
    const creator = new Y.Doc()
    seedArticleOnce(creator, article, 'f'.repeat(64))
    const joiner = new Y.Doc()
    Y.applyUpdate(joiner, Y.encodeStateAsUpdate(creator))
    expect(seedArticleOnce(joiner, article, 'f'.repeat(64))).toBe(false)
    expect(headingTexts(joiner)).toHaveLength(2)
  })

  it('shows why seeding must happen once: two seeders duplicate the article', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    seedArticleOnce(a, article, 'f'.repeat(64))
    seedArticleOnce(b, article, 'f'.repeat(64))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(headingTexts(a)).toHaveLength(4)
  })

  it('rejects meta of the wrong shape', () => {
    const doc = new Y.Doc()
    doc.getMap('meta').set('article', { title: 42 })
    doc.getMap('meta').set('contentHash', 'x')
    doc.getMap('meta').set('seededAt', 'now')
    expect(readArticleDocMeta(doc)).toBeNull()
  })
})
