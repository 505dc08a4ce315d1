import { readFileSync } from 'node:fs'
import { articlePlainText, importArticle } from '../../src/core/article'

const BUNDLED = 'resources/articles/defensive-diplomacy-iraq.ar.txt'
const WORDS_PER_QUOTE = 3

/**
 * A W3C annotation file of `count` highlights spread over the whole built-in article, each on
 * a run of words found exactly once in it (so each anchors, and none is ambiguous).
 */
export function manyHighlightsFile(count: number): { quotes: string[]; json: string } {
  const article = importArticle(readFileSync(BUNDLED, 'utf8'), {
    format: 'txt',
    fileName: 'defensive-diplomacy-iraq.ar.txt',
  })
  const text = articlePlainText(article.content)
  const words = text.split(/\s+/).filter((word) => word.length > 0)
  const unique: string[] = []
  const taken = new Set<string>()
  for (let i = 0; i + WORDS_PER_QUOTE <= words.length; i += WORDS_PER_QUOTE) {
    const quote = words.slice(i, i + WORDS_PER_QUOTE).join(' ')
    const at = text.indexOf(quote)
    if (at >= 0 && text.indexOf(quote, at + 1) < 0 && !taken.has(quote)) {
      taken.add(quote)
      unique.push(quote)
    }
  }
  if (unique.length < count) throw new Error(`only ${unique.length} unique passages in the article`)
  // Evenly over the article, from its first words to its last.
  const quotes = Array.from(
    { length: count },
    (_, i) => unique[Math.floor((i * unique.length) / count)]!,
  )
  const annotations = quotes.map((exact, i) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: '2026-11-01T10:00:00Z',
    target: { selector: { type: 'TextQuoteSelector', exact } },
  }))
  return { quotes, json: JSON.stringify(annotations) }
}
