import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { mulberry32, randomPieces } from '../seeded-random'
import { isPlainProse, proseTree } from './comment-prose'

const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }

/** Prose, and everything that could make it more than prose, at a line's start or anywhere. */
const PIECES = [
  ...'abc XYZ ابت ؟،؛ 123 .,:;?!\'"()/%$^{}-+=>#_*~`[]<&|@\\\n\n\t\r\u00a0\u0000',
  '😀',
  '1. ',
  '2) ',
  '10.5',
  'www.',
  'WWW.',
  'http://',
  'HTTPS:',
  'mailto:',
  'xmpp:',
  'x.org',
  '---',
  '===',
  '> ',
  '- ',
  '  ',
  '    code',
]

describe('plain prose', () => {
  it('is given the tree CommonMark and GFM give it, positions and all (seeded)', () => {
    const random = mulberry32(2611)
    let prose = 0
    for (let round = 0; round < 20_000; round++) {
      const body = randomPieces(random, PIECES, 1, 12)
      if (!isPlainProse(body)) continue
      prose += 1
      expect(proseTree(body), JSON.stringify(body)).toEqual(fromMarkdown(body, GFM))
    }
    // Enough of them prose for the comparison to mean something.
    expect(prose).toBeGreaterThan(2_000)
  })

  it('takes the comments readers write, in Arabic and English, with their punctuation', () => {
    const bodies = [
      'أحتاج إلى مصدر يدعم هذا الادعاء Question for the seminar: who sets these priorities?',
      'لماذا؟ (انظر الصفحة 12)\n\nI disagree: the 2003 figures say otherwise.',
      'See p. 4 - "defensive" here means something else.',
    ]
    for (const body of bodies) {
      expect(isPlainProse(body), body).toBe(true)
      expect(proseTree(body)).toEqual(fromMarkdown(body, GFM))
    }
  })

  it.each([
    ['emphasis', 'a *b* c'],
    ['a link', 'see [this](x)'],
    ['a bare URL', 'see www.x.org'],
    ['a list', 'first\n- second'],
    ['an ordered list', '1. first'],
    ['a quote', '> said'],
    ['a heading', '# title'],
    ['a setext underline', 'title\n==='],
    ['a hard break', 'line  \nnext'],
    ['an indented line', 'line\n  next'],
    ['a leading blank line', '\nline'],
    ['nothing at all', ''],
  ])('leaves %s to the parser', (_, body) => {
    expect(isPlainProse(body)).toBe(false)
  })
})
