import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importArticle, type PMNode } from '../article'
import { buildArticleTextIndex } from './article-text-index'
import { QUOTE_CONTEXT_LENGTH, describeRange, describeTextRange } from './text-selectors'

const seed = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
).content

const paragraphs = (...texts: string[]): PMNode => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
})

describe('describing a range with W3C selectors', () => {
  it('quotes Arabic with its diacritics and Arabic-Indic digits byte for byte', () => {
    const sentence = 'يُعَدُّ الملحقُ العسكريُّ هو اللاعبَ الرئيسيَّ منذ عام ١٩٩٠م في الدبلوماسية'
    const index = buildArticleTextIndex(paragraphs(sentence))
    const exact = 'الملحقُ العسكريُّ هو اللاعبَ الرئيسيَّ منذ عام ١٩٩٠م'
    const start = sentence.indexOf(exact)
    const described = describeRange(index, 1 + start, 1 + start + exact.length)
    expect(described?.quote.exact).toBe(exact)
    expect(described?.quote.prefix).toBe(sentence.slice(0, start))
    expect(described?.quote.suffix).toBe(sentence.slice(start + exact.length))
    expect(described?.position).toEqual({ start, end: start + exact.length })
  })

  it('takes 32 characters of context, fewer at the edges of the text', () => {
    const index = buildArticleTextIndex(seed)
    const start = 5000
    const described = describeTextRange(index.text, start, start + 40)
    expect(described?.quote.prefix).toBe(index.text.slice(start - QUOTE_CONTEXT_LENGTH, start))
    expect(described?.quote.suffix).toBe(index.text.slice(start + 40, start + 40 + 32))
    expect(described?.quote.prefix).toHaveLength(32)
    expect(described?.quote.suffix).toHaveLength(32)

    const atStart = describeTextRange(index.text, 0, 10)
    expect(atStart?.quote.prefix).toBe('')
    const end = index.text.length
    const atEnd = describeTextRange(index.text, end - 10, end)
    expect(atEnd?.quote.suffix).toBe('')
    expect(describeTextRange(index.text, 3, 20)?.quote.prefix).toBe(index.text.slice(0, 3))
  })

  it('quotes a selection across blocks with the blank line between them', () => {
    const index = buildArticleTextIndex(paragraphs('first block', 'second block'))
    // "block" of the first paragraph starts at 7; "second" ends at 20.
    const described = describeRange(index, 7, 20)
    expect(described?.quote.exact).toBe('block\n\nsecond')
    // Whole blocks selected from outside their edges quote just their text.
    expect(describeRange(index, 0, 13)?.quote.exact).toBe('first block')
    expect(describeRange(index, 0, 27)?.quote.exact).toBe('first block\n\nsecond block')
  })

  it('leaves whitespace at the edges of a selection out of the quote', () => {
    const index = buildArticleTextIndex(paragraphs('first block', 'second block'))
    // From the end of "first block" (12) to the start of the second block's text (14).
    const fromBlockEnd = describeRange(index, 12, 20)
    expect(fromBlockEnd?.quote.exact).toBe('second')
    expect(fromBlockEnd?.position).toEqual({ start: 13, end: 19 })
    expect(fromBlockEnd?.quote.prefix).toBe('first block\n\n')
    expect(describeRange(index, 7, 14)?.quote.exact).toBe('block')
    expect(describeTextRange('a word here', 1, 7)?.quote.exact).toBe('word')
  })

  it('never splits a surrogate pair', () => {
    const text = 'ab😀cd😀ef'
    // Offset 3 is inside the first emoji, 7 inside the second.
    const quote = describeTextRange(text, 3, 7)
    expect(quote?.quote.exact).toBe('😀cd😀')
    expect(quote?.position).toEqual({ start: 2, end: 8 })

    // 32 characters back from the quote would start inside the emoji: the prefix stops short.
    const prefixCut = describeTextRange(`😀${'x'.repeat(31)}quote`, 33, 38)
    expect(prefixCut?.quote.exact).toBe('quote')
    expect(prefixCut?.quote.prefix).toBe('x'.repeat(31))
    // So does the suffix, 32 characters on.
    const cut = describeTextRange(`${'y'.repeat(5)}${'x'.repeat(31)}😀`, 0, 5)
    expect(cut?.quote.suffix).toBe('x'.repeat(31))
  })

  it('gives nothing for an empty or whitespace-only range', () => {
    const index = buildArticleTextIndex(paragraphs('one', 'two'))
    expect(describeRange(index, 2, 2)).toBeNull()
    // From the end of "one" to the start of "two": only the blank line between.
    expect(describeRange(index, 4, 6)).toBeNull()
    expect(describeTextRange('a  \n b', 1, 5)).toBeNull()
    expect(describeRange(index, 4, 2)?.quote.exact).toBe('ne')
  })
})
