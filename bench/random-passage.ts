import { createAnchor } from '../src/core/anchoring'
import type { Anchor } from '../src/core/annotations/annotation'
import { randomInt } from '../src/core/seeded-random'
import type { SeededArticle } from './seeded-article'

/** Offsets into the article's plain text. */
export interface TextRange {
  readonly start: number
  readonly end: number
}

const BLOCK_SEPARATOR = '\n\n'
const MAX_WORDS = 16
const MAX_ATTEMPTS = 100

/**
 * A passage a reader might select: one to sixteen whole words inside one block of text, starting
 * at a random place. Null only when the text has no words at all.
 */
export function randomPassage(random: () => number, text: string): TextRange | null {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const at = randomInt(random, 0, Math.max(0, text.length - 1))
    if (isSpace(text, at)) continue
    const blockStart = text.lastIndexOf(BLOCK_SEPARATOR, at)
    const blockEndAt = text.indexOf(BLOCK_SEPARATOR, at)
    const floor = blockStart < 0 ? 0 : blockStart + BLOCK_SEPARATOR.length
    const ceiling = blockEndAt < 0 ? text.length : blockEndAt
    let start = at
    while (start > floor && !isSpace(text, start - 1)) start--
    let end = start
    const words = randomInt(random, 1, MAX_WORDS)
    for (let word = 0; word < words && end < ceiling; word++) {
      while (end < ceiling && isSpace(text, end)) end++
      while (end < ceiling && !isSpace(text, end)) end++
    }
    if (end > start) return { start, end }
  }
  return null
}

/** An anchor, as the reader's selection would make, on a random passage of the seeded article. */
export function randomAnchor(random: () => number, article: SeededArticle): Anchor {
  const { index } = article
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const passage = randomPassage(random, index.text)
    if (passage === null) break
    const anchor = createAnchor({
      fragment: article.fragment,
      index,
      articleHash: article.hash,
      from: index.positionAt(passage.start),
      to: index.positionAt(passage.end),
    })
    if (anchor !== null) return anchor
  }
  throw new Error('The article has no passage that can be anchored.')
}

function isSpace(text: string, offset: number): boolean {
  return /\s/.test(text.charAt(offset))
}
