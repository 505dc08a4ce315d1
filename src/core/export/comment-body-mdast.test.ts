import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../annotations/annotation-test-support'
import { commentBodiesBlocks, commentBodyBlocks, parsedBodyBlocks } from './comment-body-mdast'
import { plainProseBlocks } from './prose-blocks'

describe('commentBodyBlocks', () => {
  it('keeps paragraphs with their emphasis, code and safe links', () => {
    expect(commentBodyBlocks('**a** *b* ~~c~~ `d` [e](https://example.org)')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'strong', children: [{ type: 'text', value: 'a' }] },
          { type: 'text', value: ' ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'b' }] },
          { type: 'text', value: ' ' },
          { type: 'delete', children: [{ type: 'text', value: 'c' }] },
          { type: 'text', value: ' ' },
          { type: 'inlineCode', value: 'd' },
          { type: 'text', value: ' ' },
          {
            type: 'link',
            url: 'https://example.org',
            title: null,
            children: [{ type: 'text', value: 'e' }],
          },
        ],
      },
    ])
  })

  it('writes headings, quotes and lists as the text typed, line by line', () => {
    expect(commentBodyBlocks('# Title\n\n> one\n> two\n\n- a\n\n- b')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '# Title' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '> one' },
          { type: 'break' },
          { type: 'text', value: '> two' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: '- a' }] },
      { type: 'paragraph', children: [{ type: 'text', value: '- b' }] },
    ])
  })

  it('turns HTML into text and drops the target of links that could run script', () => {
    expect(
      commentBodyBlocks('<i>x</i> [y](javascript:alert(1)) ![z](data:image/png;base64,AA)'),
    ).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '<i>' },
          { type: 'text', value: 'x' },
          { type: 'text', value: '</i>' },
          { type: 'text', value: ' ' },
          { type: 'text', value: 'y' },
          { type: 'text', value: ' ' },
          { type: 'text', value: 'z' },
        ],
      },
    ])
  })

  it('keeps link references and definitions as typed, so no definition reaches the export', () => {
    expect(commentBodyBlocks('[a][r]\n\n[r]: javascript:alert(1)')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '[a][r]' }] },
      { type: 'paragraph', children: [{ type: 'text', value: '[r]: javascript:alert(1)' }] },
    ])
  })

  it('keeps code blocks, dropping an info string that is not a language name', () => {
    expect(commentBodyBlocks('```js\nlet x\n```\n\n```a<b c\ny\n```')).toEqual([
      { type: 'code', lang: 'js', meta: null, value: 'let x' },
      { type: 'code', lang: null, meta: null, value: 'y' },
    ])
  })

  it('writes a body too intricate to parse quickly as the text typed, paragraph by paragraph', () => {
    const strikethrough = '~a'.repeat(50_000)
    expect(commentBodyBlocks(strikethrough)).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: strikethrough }] },
    ])
    const quotes = `${'> '.repeat(2000)}x`
    expect(commentBodyBlocks(`${quotes}\nsame paragraph\n\nnext`)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: quotes },
          { type: 'break' },
          { type: 'text', value: 'same paragraph' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'next' }] },
    ])
  })

  it('has nothing for an empty body', () => {
    expect(commentBodyBlocks('  \n ')).toEqual([])
  })
})

describe('plainProseBlocks', () => {
  it('reads prose exactly as the Markdown parser does, and leaves anything else to it (seeded)', () => {
    const random = mulberry32(4242)
    const alphabet = [
      ...'abc ABC ابت ثجح ١٢٣ 123 .,،؛؟!?\'"(){}:;/%$^=+-#>*_`[]<&~|@\t\n\n    \u00a0\u200f',
      '\r\n',
      'www.',
      'https:',
    ]
    let fast = 0
    for (let round = 0; round < 3000; round++) {
      const body = Array.from(
        { length: 1 + Math.floor(random() * 25) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('')
      const blocks = plainProseBlocks(body)
      if (blocks === null) continue
      fast += 1
      expect(blocks, JSON.stringify(body)).toEqual(parsedBodyBlocks(body))
    }
    expect(fast).toBeGreaterThan(300)
  })
})

describe('commentBodiesBlocks', () => {
  /** Positions differ between one document and many; the blocks must not. */
  const alone = (body: string) => JSON.stringify(commentBodyBlocks(body))

  it('reads many comments at once exactly as each alone', () => {
    const bodies = [
      'plain prose',
      '**bold** and [a link](https://example.org)',
      '# heading\n\n> quote\n- item',
      '<div>\nraw html',
      '```ts\nconst x = 1\n```',
      'text with <!--hamish-comment-0--> a marker in it',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '',
      '*unclosed emphasis',
      'a line\\',
      'a comment that holds the next marker\n\n<!--hamish-comment-11-->\n\nand more',
      'the comment after it',
    ]
    const blocks = commentBodiesBlocks(bodies)
    expect(blocks.map((item) => JSON.stringify(item))).toEqual(bodies.map(alone))
  })

  it('writes a body too intricate to parse quickly as text, and the others as before', () => {
    const bodies = [
      '**bold** [a link](https://example.org)',
      'a~'.repeat(50_000),
      '- item\n- item',
      '*emphasis* and `code`',
      'and www.example.org',
    ]
    const blocks = commentBodiesBlocks(bodies)
    expect(blocks.map((item) => JSON.stringify(item))).toEqual(bodies.map(alone))
    expect(blocks[1]).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: bodies[1] }] },
    ])
  })

  it('reads each alone when one would reach into the next', () => {
    const cases = [
      ['```\nan unclosed fence', 'the next comment'],
      ['<script>\nan unclosed script block', '*the next* comment'],
      ['[ref]: https://example.org/defined', 'uses [ref] from another comment'],
      ['a footnote[^1]', '[^1]: defined elsewhere'],
    ]
    for (const bodies of cases) {
      const blocks = commentBodiesBlocks(bodies)
      expect(blocks.map((item) => JSON.stringify(item))).toEqual(bodies.map(alone))
    }
  })
})
