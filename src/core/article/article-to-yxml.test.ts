import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { PMNode } from './article-doc'
import {
  ArticleContentError,
  MAX_ARTICLE_DEPTH,
  writeArticleToYXmlFragment,
} from './article-to-yxml'

/*
 * What the fragment holds, without a schema. The comparison with y-prosemirror and the real
 * article schema is in src/collab/article-to-yxml-parity.test.ts.
 */

function write(content: PMNode[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('content')
  writeArticleToYXmlFragment({ type: 'doc', content }, fragment)
  return fragment
}

describe('writeArticleToYXmlFragment', () => {
  it('writes attributes with their defaults and without the null ones', () => {
    const fragment = write([
      { type: 'heading', attrs: { level: 2, dir: 'rtl', unknown: 'dropped' } },
      { type: 'paragraph', attrs: { role: 'abstract' } },
      { type: 'orderedList', attrs: { dir: 'ltr' } },
    ])
    const [heading, paragraph, list] = fragment.toArray() as Y.XmlElement[]
    expect(heading?.nodeName).toBe('heading')
    expect(heading?.getAttributes()).toEqual({ level: 2, dir: 'rtl' })
    expect(paragraph?.getAttributes()).toEqual({ role: 'abstract', dir: 'auto' })
    expect(list?.getAttributes()).toEqual({ dir: 'ltr', start: 1 })
  })

  it('writes a run of text nodes as one Y.XmlText formatted by its marks', () => {
    const fragment = write([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'نص ' },
          { type: 'text', text: 'مائل', marks: [{ type: 'italic' }] },
          { type: 'hardBreak' },
          {
            type: 'text',
            text: 'link',
            marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }],
          },
        ],
      },
    ])
    const paragraph = fragment.get(0) as Y.XmlElement
    const [before, hardBreak, after] = paragraph.toArray()
    expect((before as Y.XmlText).toDelta()).toEqual([
      { insert: 'نص ' },
      { insert: 'مائل', attributes: { italic: {} } },
    ])
    expect((hardBreak as Y.XmlElement).nodeName).toBe('hardBreak')
    expect((after as Y.XmlText).toDelta()).toEqual([
      {
        insert: 'link',
        attributes: {
          link: {
            href: 'https://example.org/',
            target: '_blank',
            rel: 'noopener noreferrer nofollow',
            class: null,
            title: null,
          },
        },
      },
    ])
  })

  it.each([
    [{ type: 'image' }, 'the article has a "image" node, which Hamish cannot show.'],
    [
      { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'highlight' }] }] },
      'the article has a "highlight" mark, which Hamish cannot show.',
    ],
    [
      { type: 'paragraph', content: [{ type: 'text', text: '' }] },
      'the article has an empty text node.',
    ],
    [{ type: 'doc' }, 'the article has a "doc" node, which Hamish cannot show.'],
  ])('refuses %j', (block, message) => {
    expect(() => write([block as PMNode])).toThrow(new ArticleContentError(message))
  })

  it('refuses a root that is not a doc', () => {
    const fragment = new Y.Doc().getXmlFragment('content')
    expect(() => writeArticleToYXmlFragment({ type: 'paragraph' }, fragment)).toThrow(
      ArticleContentError,
    )
  })

  it('refuses nesting deeper than the limit, and accepts it at the limit', () => {
    const nested = (depth: number): PMNode =>
      depth === 1 ? { type: 'paragraph' } : { type: 'blockquote', content: [nested(depth - 1)] }
    expect(() => write([nested(MAX_ARTICLE_DEPTH)])).not.toThrow()
    expect(() => write([nested(MAX_ARTICLE_DEPTH + 1)])).toThrow(/deeper than 64 levels/)
  })
})
