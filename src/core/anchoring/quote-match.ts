import approximateSearch from 'approx-string-match'
import type { TextQuoteSelector } from '../annotations/annotation'
import { splitsSurrogatePair } from './text-selectors'

/*
 * Finding a quote again in text that has changed since it was made, in the manner of
 * Hypothesis's `match-quote`: candidates by edit distance, ranked by how alike the quote, the
 * text before and after it, and the place are. Unlike it, a candidate must reach a minimum score,
 * and when two different places score about the same the quote is refused as ambiguous: showing a
 * comment beside the wrong passage is worse than listing it as orphaned.
 */

export interface QuoteMatch {
  start: number
  end: number
  /** 0..1: 1 is the quote and its context exactly, at the hinted offset. */
  score: number
}

export type QuoteOrphan = { orphan: 'not-found' | 'ambiguous' }

export interface MatchQuoteOptions {
  /** Where the quote was expected: the TextPositionSelector's start. */
  hint?: number | undefined
}

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position

/** Below this similarity a changed quote is taken for different text. */
export const MIN_QUOTE_SIMILARITY = 0.75
/** An inexact candidate must also score this much in all, its context included. */
export const MIN_FUZZY_SCORE = 0.65
/** Two places whose scores are closer than this cannot be told apart. */
export const AMBIGUITY_MARGIN = 0.05
/** A candidate this close to the hinted offset breaks a tie: the text around it barely moved. */
export const NEAR_HINT = 128
/** Context similarity (prefix and suffix each) that lets a unique exact match skip ranking. */
const CONTEXT_AGREES = 0.75
/** Exact occurrences past this many are too common to rank (a one-letter quote, say). */
const MAX_CANDIDATES = 1000

interface Candidate {
  start: number
  end: number
  errors: number
}

interface ScoredCandidate extends QuoteMatch {
  quoteSimilarity: number
  exact: boolean
}

export function matchQuote(
  text: string,
  quote: TextQuoteSelector,
  options: MatchQuoteOptions = {},
): QuoteMatch | QuoteOrphan {
  const { exact } = quote
  if (exact.length === 0 || text.length === 0) return { orphan: 'not-found' }
  const hint = options.hint
  const score = (candidate: Candidate): ScoredCandidate =>
    scoreCandidate(text, quote, candidate, hint)

  const exactStarts = occurrences(text, exact, MAX_CANDIDATES + 1)
  const exactCandidates = exactStarts.map((start) => ({
    start,
    end: start + exact.length,
    errors: 0,
  }))

  // Fast paths: the quote is there once, or once near where it was, with its context around it.
  const nearHint =
    hint === undefined
      ? exactCandidates
      : exactCandidates.filter((candidate) => Math.abs(candidate.start - hint) <= NEAR_HINT)
  if (exactCandidates.length === 1 || nearHint.length === 1) {
    const only = score(exactCandidates.length === 1 ? exactCandidates[0]! : nearHint[0]!)
    if (contextAgrees(text, quote, only)) return result(text, only)
  }
  if (exactCandidates.length > MAX_CANDIDATES) return { orphan: 'ambiguous' }

  const maxErrors = Math.min(256, Math.floor(exact.length / 2))
  const candidates: Candidate[] = [...exactCandidates]
  if (exactCandidates.length === 0) candidates.push(...approximateSearch(text, exact, maxErrors))
  if (hint !== undefined) {
    // The search above keeps only the fewest-error matches anywhere; the passage itself, edited a
    // little more than some lookalike elsewhere, would be dropped. Look near the hint too.
    const windowStart = Math.max(0, hint - Math.max(NEAR_HINT, exact.length))
    const window = text.slice(windowStart, hint + exact.length * 2 + NEAR_HINT)
    for (const match of approximateSearch(window, exact, maxErrors)) {
      candidates.push({ ...match, start: match.start + windowStart, end: match.end + windowStart })
    }
  }

  // Unacceptable candidates are dropped before ranking: text that merely sits where the quote
  // used to, between its old neighbours, has a fine context but is not the quote.
  const places = distinctPlaces(candidates.map(score).filter(acceptable))
  const best = places[0]
  if (best === undefined) return { orphan: 'not-found' }
  const rivals = places.filter((place) => place.score >= best.score - AMBIGUITY_MARGIN)
  if (rivals.length === 1) return result(text, best)
  if (hint !== undefined) {
    const near = rivals.filter((place) => Math.abs(place.start - hint) <= NEAR_HINT)
    if (near.length === 1) return result(text, near[0]!)
  }
  return { orphan: 'ambiguous' }
}

function acceptable(candidate: ScoredCandidate): boolean {
  if (candidate.exact) return true
  return candidate.quoteSimilarity >= MIN_QUOTE_SIMILARITY && candidate.score >= MIN_FUZZY_SCORE
}

function result(text: string, candidate: ScoredCandidate): QuoteMatch {
  let { start, end } = candidate
  if (splitsSurrogatePair(text, start)) start--
  if (splitsSurrogatePair(text, end)) end++
  return { start, end, score: candidate.score }
}

function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  candidate: Candidate,
  hint: number | undefined,
): ScoredCandidate {
  const quoteSimilarity = 1 - candidate.errors / quote.exact.length
  const prefixSimilarity = prefixSimilarityAt(text, quote, candidate.start)
  const suffixSimilarity = suffixSimilarityAt(text, quote, candidate.end)
  const positionCloseness =
    hint === undefined ? 1 : 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length)
  const score =
    (WEIGHT.quote * quoteSimilarity +
      WEIGHT.prefix * prefixSimilarity +
      WEIGHT.suffix * suffixSimilarity +
      WEIGHT.position * positionCloseness) /
    WEIGHT_TOTAL
  return {
    start: candidate.start,
    end: candidate.end,
    score,
    quoteSimilarity,
    exact: candidate.errors === 0,
  }
}

function contextAgrees(text: string, quote: TextQuoteSelector, candidate: QuoteMatch): boolean {
  return (
    prefixSimilarityAt(text, quote, candidate.start) >= CONTEXT_AGREES &&
    suffixSimilarityAt(text, quote, candidate.end) >= CONTEXT_AGREES
  )
}

function prefixSimilarityAt(text: string, quote: TextQuoteSelector, start: number): number {
  if (quote.prefix === '') return 1
  return similarity(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix)
}

function suffixSimilarityAt(text: string, quote: TextQuoteSelector, end: number): number {
  if (quote.suffix === '') return 1
  return similarity(text.slice(end, end + quote.suffix.length), quote.suffix)
}

/** 0..1: one minus the edit distance of the best match of `expected` in `actual`, per character. */
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1
  if (actual.length === 0) return 0
  const [match] = approximateSearch(actual, expected, expected.length)
  return match === undefined ? 0 : 1 - match.errors / expected.length
}

function occurrences(text: string, pattern: string, limit: number): number[] {
  const starts: number[] = []
  for (let at = text.indexOf(pattern); at !== -1 && starts.length < limit;) {
    starts.push(at)
    at = text.indexOf(pattern, at + 1)
  }
  return starts
}

/** Best first, one candidate per place: overlapping candidates are the same place. */
function distinctPlaces(candidates: ScoredCandidate[]): ScoredCandidate[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score)
  const places: ScoredCandidate[] = []
  for (const candidate of ranked) {
    const overlaps = places.some(
      (place) => candidate.start < place.end && place.start < candidate.end,
    )
    if (!overlaps) places.push(candidate)
  }
  return places
}
