import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { mulberry32, randomInt } from '../seeded-random'
import { mayHoldAutolinkLiteral, parseCommentMarkdown } from './comment-markdown-parser'

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
      const body = Array.from(
        { length: randomInt(random, 1, 16) },
        () => PIECES[randomInt(random, 0, PIECES.length - 1)],
      ).join('')
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
