import type { Nodes, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { mulberry32, randomInt } from '../seeded-random'
import { parseCommentMarkdown } from '../annotations/comment-markdown-parser'
import { markedProseBlocks, plainProseBlocks } from './prose-blocks'

/** The parser's tree without positions, which the blocks read directly do not have. */
function parsed(body: string): unknown {
  const strip = (node: Nodes): unknown => {
    const rest: Record<string, unknown> = { ...node }
    delete rest['position']
    return 'children' in node ? { ...rest, children: node.children.map(strip) } : rest
  }
  return (strip(parseCommentMarkdown(body)) as Root).children
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[randomInt(random, 0, items.length - 1)] as T

/** Pieces of comments: words in two scripts, marks, digits, emphasis, links, and what is near. */
const PIECES = [
  ...'abc ABC ابت ثجح ١٢٣ 123 .,،؛؟!?\'"(){}:;/%$^=+-#>',
  '*',
  '**',
  '***',
  ' *',
  '* ',
  '**word**',
  '*word*',
  '**two words**',
  '*كلمة*',
  '**جوهرية**',
  '[the paper](https://example.org/paper)',
  '[ورقة](http://example.org/a_b?c=1#d)',
  '[a](https://x.org/(b))',
  '[a](https://x.org/b "title")',
  '[',
  '](https://x.org)',
  '!',
  'ةً',
  '\u064b',
  '𝐀',
  '😀',
  '\u00a0',
  '\u200f',
  '\t',
  '\n',
  '\n\n',
  '    ',
  '_',
  '1.',
  '[x]',
  '[^x]',
  'www.',
]

function randomBody(random: () => number): string {
  return Array.from({ length: randomInt(random, 1, 14) }, () => pick(random, PIECES)).join('')
}

const OUTSIDE = ['', '', ' ', '\n', '  ', '(', ')', '"', '.', '،', 'a', 'ب', '1', '😀', '!', '-']
const INSIDE = ['a', 'ب', '1', ' ', '.', '!', '؟', '\u064b', '𝐀', '😀', 'b c', '\n', '(', '^']
const MARKERS = ['*', '**', '*', '**', '***', '', '[']
const URLS = [
  'https://example.org/a',
  'http://x.org/a_b?c=d#e',
  'mailto:a@x.org',
  '/relative',
  'javascript:alert(1)',
  'https://x.org/ b',
  'https://x.org/&amp;',
  'https://x.org/\\)',
  '<https://x.org>',
]

/** Words with emphasis markers or link brackets around them: often of the forms read directly. */
function randomMarked(random: () => number): string {
  let out = ''
  for (let piece = randomInt(random, 1, 4); piece > 0; piece--) {
    const opener = pick(random, MARKERS)
    const inside = Array.from({ length: randomInt(random, 1, 3) }, () => pick(random, INSIDE))
    const closer =
      opener === '[' ? `](${pick(random, URLS)})` : random() < 0.8 ? opener : pick(random, MARKERS)
    out += pick(random, OUTSIDE) + opener + inside.join('') + closer + pick(random, OUTSIDE)
  }
  return out
}

describe('markedProseBlocks', () => {
  it('reads emphasis and links exactly as the Markdown parser does, and leaves the rest to it (seeded)', () => {
    const random = mulberry32(20261)
    const read = { emphasis: 0, links: 0 }
    for (let round = 0; round < 8000; round++) {
      const body = round % 2 === 0 ? randomBody(random) : randomMarked(random)
      const blocks = markedProseBlocks(body)
      if (blocks === null) continue
      if (body.includes('*')) read.emphasis += 1
      if (body.includes('](')) read.links += 1
      expect(blocks, JSON.stringify(body)).toEqual(parsed(body))
    }
    expect(read.emphasis).toBeGreaterThan(300)
    expect(read.links).toBeGreaterThan(150)
  })

  it('reads the common forms directly', () => {
    const body = 'نقطة **جوهرية** للنقاش،\n*really*. See [the paper](https://example.org/p).'
    expect(markedProseBlocks(body)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'نقطة ' },
          { type: 'strong', children: [{ type: 'text', value: 'جوهرية' }] },
          { type: 'text', value: ' للنقاش،\n' },
          { type: 'emphasis', children: [{ type: 'text', value: 'really' }] },
          { type: 'text', value: '. See ' },
          {
            type: 'link',
            url: 'https://example.org/p',
            title: null,
            children: [{ type: 'text', value: 'the paper' }],
          },
          { type: 'text', value: '.' },
        ],
      },
    ])
    for (const other of [
      'in*tra*word (**a b**)',
      `[${'long '.repeat(300)}](https://x.org/${'a'.repeat(3000)}) **${'long '.repeat(300)}x**`,
    ]) {
      expect(markedProseBlocks(other)).toEqual(parsed(other))
    }
  })

  it('leaves runs that could pair otherwise to the parser', () => {
    for (const body of ['*a**b*', '**a*', '* a*', '*a *', '***a***', '**a****b**', '* item']) {
      expect(markedProseBlocks(body), body).toBeNull()
    }
  })

  it('leaves links of other forms, and images, to the parser', () => {
    for (const body of [
      '![a](https://x.org/i.png)',
      '[a](javascript:alert(1))',
      '[a](https://x.org "t")',
      '[a](https://x.org/&amp;)',
      '[*a*](https://x.org)',
      '*a [b](https://x.org) c*',
      '[a][b]',
      '[a]: https://x.org',
    ]) {
      expect(markedProseBlocks(body), body).toBeNull()
    }
  })

  it('leaves comments with any other Markdown to the parser', () => {
    for (const body of ['**a** `code`', '# **a**', '**a**  \nb', '_a_ **b**', 'www.x.org *a*']) {
      expect(markedProseBlocks(body), body).toBeNull()
    }
  })

  it('has nothing to do with plain prose', () => {
    expect(markedProseBlocks('plain prose')).toBeNull()
  })
})

describe('plainProseBlocks', () => {
  it('has nothing to do with a comment that holds emphasis', () => {
    expect(plainProseBlocks('**a**')).toBeNull()
  })
})
