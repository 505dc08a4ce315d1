import { readFileSync } from 'node:fs'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { articlePlainText, importArticle, type PMNode } from '../article'
import { buildArticleTextIndex, type ArticleTextIndex } from './article-text-index'
import { articleTestSchema } from './test-support/article-test-schema'
import { seededRandom } from './test-support/seeded-random'

const seed = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
).content

const text = (value: string): PMNode => ({ type: 'text', text: value })
const paragraph = (...content: PMNode[]): PMNode =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }

/** Every kind of node the index has to walk: nesting, empty blocks, leaves, marks, surrogates. */
const awkward: PMNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('عنوانٌ ١٢')] },
    paragraph(),
    paragraph(
      text('قال '),
      { type: 'text', text: 'الملحق', marks: [{ type: 'italic' }] },
      { type: 'hardBreak' },
      text('العسكري 😀 x'),
    ),
    { type: 'horizontalRule' },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('one'))] },
        {
          type: 'listItem',
          content: [
            paragraph(text('two')),
            { type: 'blockquote', content: [paragraph(text('deep')), paragraph()] },
          ],
        },
      ],
    },
    paragraph({ type: 'hardBreak' }),
    paragraph(text('a'), { type: 'image', attrs: { src: 'x.png' } }, text('b')),
    { type: 'codeBlock', content: [text('code()')] },
    paragraph({ type: 'image' }),
  ],
}

function proseMirrorDoc(json: PMNode): ProseMirrorNode {
  return articleTestSchema.nodeFromJSON(json)
}

/**
 * Positions inside a block of the plain text: where a text selection can start or end. That is a
 * ProseMirror textblock, except an empty code block, which `articlePlainText` leaves out.
 */
function textPositions(doc: ProseMirrorNode): number[] {
  const positions: number[] = []
  for (let pos = 0; pos <= doc.content.size; pos++) {
    const parent = doc.resolve(pos).parent
    if (parent.isTextblock && (parent.type.name !== 'codeBlock' || parent.content.size > 0)) {
      positions.push(pos)
    }
  }
  return positions
}

function checkAgainstProseMirror(json: PMNode, index: ArticleTextIndex): void {
  const doc = proseMirrorDoc(json)
  expect(index.size).toBe(doc.content.size)
  const positions = textPositions(doc)
  for (const pos of positions) {
    const $pos = doc.resolve(pos)
    const besideTextlessNode = [$pos.nodeBefore, $pos.nodeAfter].some(
      (node) => node?.type.name === 'image',
    )
    // Both sides of an inline image have one text offset; positionAt picks the side after it.
    if (besideTextlessNode) continue
    expect(index.positionAt(index.textOffsetAt(pos))).toBe(pos)
  }
  const random = seededRandom(7)
  for (let round = 0; round < 400; round++) {
    const a = random.pick(positions)
    const b = random.pick(positions)
    const [from, to] = a <= b ? [a, b] : [b, a]
    expect(index.text.slice(index.textOffsetAt(from), index.textOffsetAt(to))).toBe(
      doc.textBetween(from, to, '\n\n', (node) => (node.type.name === 'hardBreak' ? '\n' : '')),
    )
  }
}

describe('the article text index', () => {
  it('holds exactly articlePlainText of the seed article', () => {
    const index = buildArticleTextIndex(seed)
    expect(index.text).toBe(articlePlainText(seed))
    expect(index.text.length).toBeGreaterThan(20_000)
  })

  it('maps positions of the seed article as ProseMirror counts them', () => {
    checkAgainstProseMirror(seed, buildArticleTextIndex(seed))
  })

  it('walks nesting, empty blocks, leaves, marks and surrogate pairs as ProseMirror does', () => {
    const index = buildArticleTextIndex(awkward)
    expect(index.text).toBe(articlePlainText(awkward))
    expect(index.text).toContain('الملحق\nالعسكري 😀 x')
    checkAgainstProseMirror(awkward, index)
  })

  it('maps a text offset back to the position of that character', () => {
    // <p>ab</p><p>cd</p>: "a" is at 1, "c" at 5.
    const index = buildArticleTextIndex({
      type: 'doc',
      content: [paragraph(text('ab')), paragraph(text('cd'))],
    })
    expect(index.text).toBe('ab\n\ncd')
    expect(index.positionAt(0)).toBe(1)
    expect(index.positionAt(2)).toBe(3)
    expect(index.positionAt(4)).toBe(5)
    expect(index.positionAt(6)).toBe(7)
    expect(index.textOffsetAt(7)).toBe(6)
  })

  it('maps both sides of an inline image to one offset', () => {
    // <p>a<img>b</p>: "a" 1..2, the image 2..3, "b" 3..4.
    const index = buildArticleTextIndex({
      type: 'doc',
      content: [paragraph(text('a'), { type: 'image' }, text('b'))],
    })
    expect(index.text).toBe('ab')
    expect(index.textOffsetAt(2)).toBe(1)
    expect(index.textOffsetAt(3)).toBe(1)
    expect(index.positionAt(1)).toBe(3)
    expect(index.positionAt(2)).toBe(4)
  })

  it('maps a position between blocks to the following text, or the preceding one', () => {
    const index = buildArticleTextIndex({
      type: 'doc',
      content: [paragraph(text('ab')), { type: 'horizontalRule' }, paragraph(text('cd'))],
    })
    // <p>ab</p> is 0..4, <hr> 4..5, <p>cd</p> 5..9.
    expect(index.text).toBe('ab\n\ncd')
    for (const pos of [4, 5]) {
      expect(index.textOffsetAt(pos)).toBe(4)
      expect(index.textOffsetAt(pos, 'before')).toBe(2)
    }
    expect(index.textOffsetAt(0)).toBe(0)
    expect(index.textOffsetAt(9)).toBe(6)
    expect(index.textOffsetAt(9, 'before')).toBe(6)
    // Offsets inside the blank line between blocks go to the next block's text.
    expect(index.positionAt(3)).toBe(6)
    expect(index.positionAt(99)).toBe(8)
    expect(index.positionAt(-3)).toBe(1)
  })

  it('leaves out an empty code block, as articlePlainText does', () => {
    const doc: PMNode = {
      type: 'doc',
      content: [paragraph(text('a')), { type: 'codeBlock' }, paragraph(text('b'))],
    }
    const index = buildArticleTextIndex(doc)
    expect(index.text).toBe(articlePlainText(doc))
    expect(index.text).toBe('a\n\nb')
    // <p>a</p> 0..3, the code block 3..5, <p>b</p> 5..8.
    expect(index.textOffsetAt(4)).toBe(3)
    expect(index.positionAt(3)).toBe(6)
  })

  it('gives an empty paragraph its own offset', () => {
    const index = buildArticleTextIndex({
      type: 'doc',
      content: [paragraph(text('a')), paragraph(), paragraph(text('b'))],
    })
    expect(index.text).toBe('a\n\n\n\nb')
    expect(index.textOffsetAt(4)).toBe(3)
    expect(index.positionAt(3)).toBe(4)
  })

  it('indexes a document with no text', () => {
    const index = buildArticleTextIndex({ type: 'doc', content: [{ type: 'horizontalRule' }] })
    expect(index.text).toBe('')
    expect(index.size).toBe(1)
    expect(index.textOffsetAt(1)).toBe(0)
    expect(index.positionAt(0)).toBe(0)
  })
})
