import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { TextQuoteSelector } from '../annotations/annotation'
import { articlePlainText, importArticle } from '../article'
import { matchQuote, type QuoteMatch } from './quote-match'
import { describeTextRange } from './text-selectors'

const seedBlocks = articlePlainText(
  importArticle(readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'), {
    format: 'txt',
  }).content,
).split('\n\n')

const join = (blocks: readonly string[]): string => blocks.join('\n\n')
const original = join(seedBlocks)

/** The selectors for `exact`, found in `text` (its first occurrence unless `from` says). */
function quoteOf(
  text: string,
  exact: string,
  from = 0,
): { quote: TextQuoteSelector; hint: number } {
  const start = text.indexOf(exact, from)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  const described = describeTextRange(text, start, start + exact.length)
  if (described === null) throw new Error('empty quote')
  return { quote: described.quote, hint: start }
}

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item as T)
  return copy
}

function expectMatch(result: ReturnType<typeof matchQuote>): QuoteMatch {
  if (!('start' in result)) throw new Error(`expected a match, got ${result.orphan}`)
  return result
}

describe('re-anchoring a quote', () => {
  const paragraph = seedBlocks[45]!
  const sentence = 'يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية'

  it('finds the quote where it still is, with a perfect score', () => {
    const { quote, hint } = quoteOf(original, sentence)
    const match = expectMatch(matchQuote(original, quote, { hint }))
    expect(match).toEqual({ start: hint, end: hint + sentence.length, score: 1 })
  })

  it('finds a whole paragraph that was moved, though its context changed', () => {
    const { quote, hint } = quoteOf(original, paragraph)
    const text = join(moved(seedBlocks, 45, 58))
    const match = expectMatch(matchQuote(text, quote, { hint }))
    expect(match.start).toBe(text.indexOf(paragraph))
    expect(text.slice(match.start, match.end)).toBe(paragraph)
    expect(text.slice(hint, hint + paragraph.length)).not.toBe(paragraph)
  })

  it('finds a sentence whose paragraph moved far away', () => {
    const inner = seedBlocks[41]!.slice(100, 220)
    const { quote, hint } = quoteOf(original, inner)
    const text = join(moved(seedBlocks, 41, seedBlocks.length - 1))
    const match = expectMatch(matchQuote(text, quote, { hint }))
    expect(text.slice(match.start, match.end)).toBe(inner)
  })

  it('tolerates a few changed characters, diacritics included', () => {
    const { quote, hint } = quoteOf(original, sentence)
    const edited = 'يُعدّ الملحق العسكرى هو اللاعب الرئيسي في الدبلوماسيه الدفاعية'
    const text = original.replace(sentence, edited)
    for (const options of [{ hint }, {}]) {
      const match = expectMatch(matchQuote(text, quote, options))
      expect(text.slice(match.start, match.end)).toBe(edited)
      expect(match.score).toBeLessThan(1)
      expect(match.score).toBeGreaterThan(0.9)
    }
  })

  it('finds vocalised Arabic and returns its exact span', () => {
    const vocalised = 'يُعَدُّ المُلْحَقُ العَسْكَرِيُّ هُوَ اللاعِبُ الرَّئِيسِيُّ'
    const withTashkeel = original.replace('يعد الملحق العسكري هو اللاعب الرئيسي', vocalised)
    const { quote, hint } = quoteOf(withTashkeel, vocalised)
    const match = expectMatch(matchQuote(withTashkeel, quote, { hint: hint + 40 }))
    expect(withTashkeel.slice(match.start, match.end)).toBe(vocalised)

    // Some of the tashkeel dropped later: still found, still the whole phrase.
    const lighter = 'يُعَدُّ المُلحَقُ العَسكَرِيُّ هُوَ اللاعِبُ الرَّئِيسِيُّ'
    const text = withTashkeel.replace(vocalised, lighter)
    const fuzzy = expectMatch(matchQuote(text, quote, { hint }))
    expect(text.slice(fuzzy.start, fuzzy.end)).toBe(lighter)
  })

  it('orphans a quote whose paragraph was removed', () => {
    const { quote, hint } = quoteOf(original, paragraph)
    const text = join(seedBlocks.filter((_, i) => i !== 45))
    expect(matchQuote(text, quote, { hint })).toEqual({ orphan: 'not-found' })
    expect(matchQuote(text, quote)).toEqual({ orphan: 'not-found' })
  })

  it('orphans a quote rewritten past recognition, and text that was never there', () => {
    const { quote, hint } = quoteOf(original, sentence)
    const rewritten = original.replace(sentence, 'ويؤدي الملحق دور المنسق بين وزارتي الدفاع')
    expect(matchQuote(rewritten, quote, { hint })).toEqual({ orphan: 'not-found' })
    const never = {
      exact: 'an English sentence that this article never had',
      prefix: '',
      suffix: '',
    }
    expect(matchQuote(original, never)).toEqual({ orphan: 'not-found' })
  })

  it('refuses a quote found twice in the same context', () => {
    // The paragraph doubled: the quote and 32 characters either side occur twice.
    const inner = paragraph.slice(60, 140)
    const { quote, hint } = quoteOf(original, inner)
    const blocks = [...seedBlocks]
    blocks.splice(46, 0, paragraph)
    const text = join(blocks)
    expect(matchQuote(text, quote)).toEqual({ orphan: 'ambiguous' })
    expect(matchQuote(text, quote, { hint: 0 })).toEqual({ orphan: 'ambiguous' })

    // Slightly edited in both copies: still two equally good places.
    const typo = text.replaceAll(inner, inner.replace('الدبلوماسية', 'الدبلوماسيه'))
    expect(matchQuote(typo, quote)).toEqual({ orphan: 'ambiguous' })

    // Unless one of them is where the quote was, give or take a few characters.
    const second = text.indexOf(inner, hint + 1)
    const nearSecond = expectMatch(matchQuote(text, quote, { hint: second - 5 }))
    expect(nearSecond.start).toBe(second)
  })

  it('picks the copy whose context matches when the quote occurs twice', () => {
    const { quote, hint } = quoteOf(original, sentence)
    // The same sentence appears again under another heading, in another context.
    const blocks = [...seedBlocks]
    blocks.splice(20, 0, `مقدمة مختلفة تماما هنا: ${sentence} وخاتمة مختلفة كذلك.`)
    const text = join(blocks)
    const expected = text.indexOf(sentence, text.indexOf(sentence) + 1)
    expect(expectMatch(matchQuote(text, quote)).start).toBe(expected)
    expect(expectMatch(matchQuote(text, quote, { hint: 0 })).start).toBe(expected)
    expect(hint).toBeLessThan(expected)
  })

  it('refuses a quote too common to place', () => {
    expect(matchQuote(original, { exact: 'ا', prefix: '', suffix: '' })).toEqual({
      orphan: 'ambiguous',
    })
  })

  it('finds nothing for an empty quote or in an empty text', () => {
    expect(matchQuote(original, { exact: '', prefix: '', suffix: '' })).toEqual({
      orphan: 'not-found',
    })
    expect(matchQuote('', { exact: 'x', prefix: '', suffix: '' })).toEqual({ orphan: 'not-found' })
  })
})
