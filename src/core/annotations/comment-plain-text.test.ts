import { describe, expect, it } from 'vitest'
import { mulberry32, randomPieces } from '../seeded-random'
import type { Annotation } from './annotation'
import { parseCommentMarkdown } from './comment-markdown-parser'
import {
  commentPlainText,
  mayHoldMarkdown,
  plainBodyOf,
  plainTextOfTree,
} from './comment-plain-text'

describe('commentPlainText', () => {
  it('drops the marks of emphasis, code and links, keeping their words', () => {
    expect(commentPlainText('تعريفٌ **مهمّ** للدبلوماسية')).toBe('تعريفٌ مهمّ للدبلوماسية')
    expect(commentPlainText('see _the_ `Act` and ~~not~~ [this page](https://x.org)')).toBe(
      'see the Act and not this page',
    )
    expect(commentPlainText('## عنوان\n\n> اقتباس\n\n- أولًا\n- ثانيًا')).toBe(
      'عنوان اقتباس أولًا ثانيًا',
    )
    expect(commentPlainText('![صورة](x.png) \\*literal\\* &amp;')).toBe('صورة *literal* &')
  })

  it('parts the words on either side of a line break, a paragraph or a table cell', () => {
    expect(commentPlainText('one  \ntwo\\\nthree\nfour\n\nfive')).toBe('one two three four five')
    expect(commentPlainText('| a | b |\n| - | - |\n| c | d |')).toBe('a b c d')
  })

  it('keeps HTML and the targets of unsafe links as the inert text they were typed as', () => {
    expect(commentPlainText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>')
    expect(commentPlainText('a <b onclick="x()">b</b>')).toBe('a <b onclick="x()">b</b>')
    expect(commentPlainText('[click](javascript:alert(3))')).toBe('click')
  })

  it('gives plain prose back on one line, without parsing it', () => {
    expect(mayHoldMarkdown('سؤال عن الأمن القومي، ص. 12: www.x.org a@b.co #وسم')).toBe(false)
    expect(commentPlainText('  سؤال عن\n  الأمن\tالقومي  \n')).toBe('سؤال عن الأمن القومي')
  })

  it('parses a text with a block marker at the start of any line', () => {
    const blocks = ['a\n===', 'a\n --', '# a', 'a\n  > b', '+ a', '- a', '1. a', '10) a', '___']
    for (const body of blocks) expect(mayHoldMarkdown(body), body).toBe(true)
  })

  it('reads plain prose as parsing it would (seeded)', () => {
    const pieces = [
      ...'abc ابت 123 .,:;/()=-+#%"\'?',
      '\n',
      '\n\n',
      '\n=',
      '\n-',
      '\n#',
      '    ',
      '\t',
      '\u00a0',
      '1. ',
      '2) ',
      '١. ',
      'www.x.org',
      'https://x.org/a_b',
      'a@b.co',
      '*',
      '_',
      '[',
      '<',
    ]
    const random = mulberry32(2207)
    let plain = 0
    for (let round = 0; round < 2000; round++) {
      const body = randomPieces(random, pieces, 1, 14)
      if (!mayHoldMarkdown(body)) plain += 1
      expect(commentPlainText(body), JSON.stringify(body)).toBe(
        plainTextOfTree(parseCommentMarkdown(body)),
      )
    }
    expect(plain).toBeGreaterThan(300)
  })

  it('gives a body too intricate to parse quickly back as typed, on one line', () => {
    const bodies = [
      `${'> '.repeat(2000)}x`,
      '*a'.repeat(50_000),
      '~a'.repeat(50_000),
      `${'- '.repeat(1000)}\n\n${'[a'.repeat(20_000)}`,
    ]
    for (const body of bodies) {
      expect(commentPlainText(body), body.slice(0, 20)).toBe(body.replace(/\s+/gu, ' ').trim())
    }
  })
})

describe('plainBodyOf', () => {
  it('works out an annotation’s plain text once', () => {
    const annotation = { body: 'a **b**' } as Annotation
    const first = plainBodyOf(annotation)
    expect(first).toBe('a b')
    expect(plainBodyOf(annotation)).toBe(first)
  })
})
