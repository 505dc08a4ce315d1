import { matchQuote } from '../anchoring/quote-match'
import { describeTextRange, type RangeSelectors } from '../anchoring/text-selectors'
import type { TextPositionSelector, TextQuoteSelector } from '../annotations/annotation'
import type { ArticleDoc } from '../article/article-doc'
import { articlePlainText } from '../article/article-text'
import { contentHash } from '../content-hash'
import { articleUrn } from './annotation-iri'
import { codePointOffsets } from './code-point-offsets'
import type { ImportCandidate } from './import-candidate'

export type UnanchoredReason =
  /** The quote is not in the article. */
  | 'not-found'
  /** The quote is in several places that cannot be told apart. */
  | 'ambiguous'
  /** The annotation names no passage (a page note). */
  | 'no-passage'
  /** A reply whose thread's passage was not found. */
  | 'thread-not-anchored'

/** Where an imported highlight or comment goes in the open article, if anywhere. */
export type PassageOutcome =
  | { status: 'anchored'; selectors: RangeSelectors }
  | { status: 'unanchored'; reason: UnanchoredReason }
  /** Its file says it is about another document, and its quote is not in this one. */
  | { status: 'other'; reason: string }

export interface PassageAnchorer {
  readonly articleHash: string
  anchor(candidate: ImportCandidate): PassageOutcome
}

export interface PassageAnchorerOptions {
  /** Other addresses the article goes by, besides its source URL and content URN. */
  readonly articleUrl?: string | undefined
}

/**
 * Finds imported passages in one article by their quotes. Positions are only hints: another
 * tool counted in another text (a web page's, a PDF's), and W3C counts code points.
 */
export function passageAnchorer(
  article: ArticleDoc,
  options: PassageAnchorerOptions = {},
): PassageAnchorer {
  const text = articlePlainText(article.content)
  const articleHash = contentHash(text)
  const offsets = codePointOffsets(text)
  const addresses = new Set(
    [articleUrn(articleHash), options.articleUrl, article.meta.sourceUrl]
      .filter((address) => address !== undefined)
      .map(comparableAddress),
  )

  /** Why a candidate seems to be about another document, or null when nothing says so. */
  const otherArticleClaim = (candidate: ImportCandidate): string | null => {
    if (candidate.articleHash !== undefined) {
      return candidate.articleHash === articleHash
        ? null
        : `made on another edition (content hash ${candidate.articleHash.slice(0, 12)}…)`
    }
    if (candidate.source === undefined) return null
    return addresses.has(comparableAddress(candidate.source)) ? null : `made on ${candidate.source}`
  }

  const find = (candidate: ImportCandidate): RangeSelectors | UnanchoredReason => {
    const { quote, position } = candidate
    const hint =
      position === undefined
        ? undefined
        : candidate.format === 'w3c'
          ? { start: offsets.toUtf16(position.start), end: offsets.toUtf16(position.end) }
          : position
    if (quote !== undefined) return findQuote(text, quote, hint)
    // Offsets alone are trusted only in the very edition they were counted in.
    if (hint !== undefined && candidate.articleHash === articleHash) {
      return describeTextRange(text, hint.start, hint.end) ?? 'no-passage'
    }
    return 'no-passage'
  }

  return {
    articleHash,
    anchor(candidate) {
      const found = find(candidate)
      if (typeof found !== 'string') return { status: 'anchored', selectors: found }
      const claim = otherArticleClaim(candidate)
      return claim === null
        ? { status: 'unanchored', reason: found }
        : { status: 'other', reason: `${claim}; its passage is not here` }
    },
  }
}

function findQuote(
  text: string,
  quote: TextQuoteSelector,
  hint: TextPositionSelector | undefined,
): RangeSelectors | UnanchoredReason {
  if (hint !== undefined && text.slice(hint.start, hint.end) === quote.exact) {
    return describeTextRange(text, hint.start, hint.end) ?? 'not-found'
  }
  const match = matchQuote(text, quote, { hint: hint?.start })
  if ('orphan' in match) return match.orphan
  return describeTextRange(text, match.start, match.end) ?? 'not-found'
}

/** An address as compared: no fragment, no trailing slash, http and https alike, case-folded host. */
function comparableAddress(address: string): string {
  const withoutFragment = address.trim().replace(/#.*$/u, '').replace(/\/+$/u, '')
  const url = /^https?:\/\/([^/?]+)(.*)$/iu.exec(withoutFragment)
  if (url === null) return withoutFragment
  return `web://${(url[1] ?? '').toLowerCase()}${url[2] ?? ''}`
}
