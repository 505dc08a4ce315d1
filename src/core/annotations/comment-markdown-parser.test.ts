import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { mulberry32, randomPieces } from '../seeded-random'
import {
  mayHoldAutolinkLiteral,
  parseCommentMarkdown,
  readCommentMarkdown,
} from './comment-markdown-parser'

const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }

/** Markdown, and the pieces of bare URLs and addresses, spelled out or through escapes. */
const PIECES = [
  ...'abc XYZ ابت 123 .,:/-_*~`[]()<>!#|\n\t',
  'www',
  'WWW.',
  'http',
  'https://',
  'x.org',
  'a@b.co',
  'mailto:',
  'xmpp:',
  '&#64;',
  '&#46;',
  '&#x3A;',
  '&amp;',
  '\\.',
  '\\@',
  '**b**',
  '[l](https://x.org)',
  '<https://x.org>',
  '- ',
  '> ',
  '| a | b |\n| - | - |\n',
  '~~s~~',
  '[^1]',
  '- [ ] ',
]

describe('parseCommentMarkdown', () => {
  it('reads every text as GFM does, with autolink literals or without (seeded)', () => {
    const random = mulberry32(5150)
    const read = { with: 0, without: 0 }
    for (let round = 0; round < 4000; round++) {
      const body = randomPieces(random, PIECES, 1, 16)
      read[mayHoldAutolinkLiteral(body) ? 'with' : 'without'] += 1
      expect(parseCommentMarkdown(body), JSON.stringify(body)).toEqual(fromMarkdown(body, GFM))
    }
    expect(read.without).toBeGreaterThan(500)
  })

  it('knows a bare URL or address may hide behind an escape or a character reference', () => {
    for (const body of ['a&#64;b.co', 'www\\.x.org', 'HTTPS://x.org', 'a@b.co']) {
      expect(mayHoldAutolinkLiteral(body), body).toBe(true)
    }
    expect(mayHoldAutolinkLiteral('**b** and [l]')).toBe(false)
  })
})

describe('readCommentMarkdown', () => {
  it('reads a body too intricate to parse quickly as its text, every character as typed', () => {
    const bodies = [
      `${'> '.repeat(2000)}x`,
      '- '.repeat(1000),
      '*a'.repeat(50_000),
      '~a'.repeat(50_000),
      '> '.repeat(50_000),
    ]
    for (const body of bodies) {
      const read = readCommentMarkdown(body)
      expect(read.formatted, body.slice(0, 20)).toBe(false)
      expect(read.tree, body.slice(0, 20)).toEqual({
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', value: body }] }],
      })
      expect(parseCommentMarkdown(body)).toEqual(read.tree)
    }
  })

  it('keeps the paragraphs and line breaks of a body read as text', () => {
    const brackets = '[a'.repeat(20_000)
    const read = readCommentMarkdown(`first  line\n${brackets}\r\n  *third*\r \n\nnext`)
    expect(read.formatted).toBe(false)
    expect(read.tree.children).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'first  line' },
          { type: 'break' },
          { type: 'text', value: brackets },
          { type: 'break' },
          { type: 'text', value: '  *third*' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'next' }] },
    ])
  })

  it('formats ordinary Markdown', () => {
    const body =
      '## عنوان\n\n> **مهم** [رابط](https://x.org)\n\n- أ\n- ب\n\n| a | b |\n| - | - |\n| c | d |'
    expect(readCommentMarkdown(body)).toEqual({ tree: fromMarkdown(body, GFM), formatted: true })
  })
})
