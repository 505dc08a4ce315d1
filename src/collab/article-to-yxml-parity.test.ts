import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importArticle } from '../core/article'
import type { ArticleDoc, PMNode } from '../core/article/article-doc'
import {
  ARTICLE_MARK_ATTRIBUTES,
  ARTICLE_NODE_ATTRIBUTES,
  writeArticleToYXmlFragment,
} from '../core/article/article-to-yxml'
import { seedSeminarArticle } from '../core/seminar/article-doc-seed'
import { articleSchema } from '../editor/article-schema'
import { isSeeded, readArticleDocMeta, seedArticleOnce } from './article-seed'

/*
 * The server seeds a seminar's article with the pure writer of src/core (it may not load the
 * TipTap schema); the editor reads it with y-prosemirror and the real schema. These tests hold
 * the two to the same document, node for node and attribute for attribute.
 */

const bundledArticle: ArticleDoc = importArticle(
  readFileSync(
    fileURLToPath(
      new URL('../../resources/articles/defensive-diplomacy-iraq.ar.txt', import.meta.url),
    ),
    'utf8',
  ),
  { format: 'txt', fileName: 'defensive-diplomacy-iraq.ar.txt' },
)

/** Every node type and mark of the article schema, with and without attributes. */
const everyNodeAndMark: PMNode = {
  type: 'doc',
  content: [
    {
      type: 'frontMatter',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ف' }] }],
    },
    {
      type: 'heading',
      attrs: { level: 2, role: 'title', dir: 'rtl' },
      content: [{ type: 'text', text: 'عنوان' }],
    },
    { type: 'heading', content: [{ type: 'text', text: 'plain' }] },
    {
      type: 'paragraph',
      attrs: { dir: 'ltr', role: 'abstract' },
      content: [
        { type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: 'b', marks: [{ type: 'code' }] },
        { type: 'text', text: 'c', marks: [{ type: 'strike' }, { type: 'underline' }] },
        { type: 'hardBreak' },
        {
          type: 'text',
          text: 'd',
          marks: [{ type: 'link', attrs: { href: 'https://a.example/', title: 'T' } }],
        },
        { type: 'text', text: 'e' },
        { type: 'text', text: 'f' },
      ],
    },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'q' }] }],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: '١' }] }],
        },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3, type: 'a' },
      content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
    },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'x = 1' }] },
    { type: 'horizontalRule' },
    { type: 'paragraph' },
  ],
}

interface Dumped {
  name: string
  attributes?: Record<string, unknown>
  delta?: unknown
  children?: Dumped[]
}

/** The fragment's structure, attribute order left out (Y maps are unordered). */
function dump(node: Y.XmlFragment | Y.XmlElement): Dumped[] {
  return node.toArray().map((child) => {
    if (child instanceof Y.XmlText) return { name: '#text', delta: child.toDelta() }
    const element = child as Y.XmlElement
    const attributes = Object.fromEntries(Object.entries(element.getAttributes()).sort())
    return { name: element.nodeName, attributes, children: dump(element) }
  })
}

function viaYProsemirror(content: PMNode): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('content')
  prosemirrorJSONToYXmlFragment(articleSchema(), content, fragment)
  return fragment
}

function viaCore(content: PMNode): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('content')
  writeArticleToYXmlFragment(content, fragment)
  return fragment
}

function defaultsOf(attrs: Record<string, { default?: unknown }> | undefined) {
  return Object.fromEntries(Object.entries(attrs ?? {}).map(([name, spec]) => [name, spec.default]))
}

describe('the pure article writer and y-prosemirror with the article schema', () => {
  const schema = articleSchema()

  it('know the same node types, attributes and defaults', () => {
    const fromSchema = Object.fromEntries(
      Object.values(schema.nodes).map((type) => [type.name, defaultsOf(type.spec.attrs)]),
    )
    expect(ARTICLE_NODE_ATTRIBUTES).toEqual(fromSchema)
  })

  it('know the same marks and defaults, none of which may overlap itself', () => {
    const fromSchema = Object.fromEntries(
      Object.values(schema.marks).map((type) => [type.name, defaultsOf(type.spec.attrs)]),
    )
    expect(ARTICLE_MARK_ATTRIBUTES).toEqual(fromSchema)
    // An overlapping mark would be stored under a hashed name, which the pure writer does not do.
    for (const type of Object.values(schema.marks)) expect(type.excludes(type)).toBe(true)
  })

  it.each([
    ['the bundled article', bundledArticle.content],
    ['every node type and mark', everyNodeAndMark],
  ])('write the same fragment for %s', (_, content) => {
    const expected = viaYProsemirror(content)
    const actual = viaCore(content)
    expect(dump(actual)).toEqual(dump(expected))
    expect(yXmlFragmentToProsemirrorJSON(actual)).toEqual(yXmlFragmentToProsemirrorJSON(expected))
  })
})

describe('an article document seeded by the server', () => {
  it('reads back as seeded, with its meta, and is never seeded again by a client', () => {
    const doc = new Y.Doc()
    seedSeminarArticle(doc, bundledArticle, 'ab'.repeat(32), '2026-02-03T04:05:06.000Z')
    expect(isSeeded(doc)).toBe(true)
    expect(readArticleDocMeta(doc)).toEqual({
      article: bundledArticle.meta,
      contentHash: 'ab'.repeat(32),
      seededAt: '2026-02-03T04:05:06.000Z',
    })
    const before = Y.encodeStateAsUpdate(doc)
    expect(seedArticleOnce(doc, bundledArticle, 'ab'.repeat(32))).toBe(false)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})
