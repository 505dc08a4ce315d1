import type { TextPositionSelector, TextQuoteSelector } from '../annotations/annotation'
import type { ArticleTextIndex } from './article-text-index'

/** Characters of context kept either side of a quote, as Hypothesis and the W3C examples do. */
export const QUOTE_CONTEXT_LENGTH = 32

export interface RangeSelectors {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/**
 * The W3C selectors for the text between two document positions, less any whitespace at its
 * edges. Null when the range holds nothing but whitespace: nothing to highlight or find again.
 */
export function describeRange(
  index: ArticleTextIndex,
  from: number,
  to: number,
): RangeSelectors | null {
  const start = index.textOffsetAt(Math.min(from, to), 'after')
  const end = index.textOffsetAt(Math.max(from, to), 'before')
  return describeTextRange(index.text, start, end)
}

/** As `describeRange`, for offsets into the plain text. */
export function describeTextRange(text: string, start: number, end: number): RangeSelectors | null {
  start = Math.max(0, start)
  end = Math.min(text.length, end)
  // ProseMirror may put a position between the two halves of an emoji; the quote takes it whole.
  if (splitsSurrogatePair(text, start)) start--
  if (splitsSurrogatePair(text, end)) end++
  // Whitespace at the edges (a blank line between blocks, the space a double-click takes along)
  // is nothing to highlight; as Hypothesis does, the range shrinks to its first and last letter.
  while (start < end && isWhitespace(text, start)) start++
  while (end > start && isWhitespace(text, end - 1)) end--
  if (start >= end) return null
  const exact = text.slice(start, end)

  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_LENGTH)
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH)
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--
  return {
    quote: { exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    position: { start, end },
  }
}

/** Whether `offset` falls between a high and a low surrogate. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))
}

function isWhitespace(text: string, offset: number): boolean {
  return /\s/.test(text.charAt(offset))
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
