import type * as Y from 'yjs'
import type { Anchor } from '../annotations/annotation'
import type { ArticleTextIndex } from './article-text-index'
import { matchQuote } from './quote-match'
import {
  decodeRelativePosition,
  encodeRelativePosition,
  measureFragment,
  relativePositionFromPmPos,
  resolvePmPos,
  type FragmentLayout,
  type UnresolvedReason,
} from './relative-position'
import { describeRange } from './text-selectors'

export interface CreateAnchorInput {
  /** The article's `XmlFragment('content')`. */
  fragment: Y.XmlFragment
  /** Index of the document the fragment holds now. */
  index: ArticleTextIndex
  /** Content hash of the article edition the annotation is made on. */
  articleHash: string
  /** The selection, as document positions. */
  from: number
  to: number
}

/**
 * An anchor for a selection: relative positions that follow the text through edits, and the
 * quote and offsets to find it again when they cannot. Null when the selection holds no text.
 */
export function createAnchor(input: CreateAnchorInput): Anchor | null {
  const { fragment, index, articleHash } = input
  const selectors = describeRange(index, input.from, input.to)
  if (selectors === null) return null
  const from = index.positionAt(selectors.position.start)
  const to = index.positionAt(selectors.position.end)
  return {
    articleHash,
    // The start leans right and the end left: text typed at either edge stays outside.
    start: encodeRelativePosition(relativePositionFromPmPos(fragment, from, 0)),
    end: encodeRelativePosition(relativePositionFromPmPos(fragment, to, -1)),
    quote: selectors.quote,
    position: selectors.position,
  }
}

export type AnchorResolution =
  | { status: 'anchored'; from: number; to: number; via: 'relative' | 'position' | 'quote' }
  | { status: 'orphaned'; reason: 'deleted' | 'not-found' | 'ambiguous' }

export interface ResolveAnchorInput {
  doc: Y.Doc
  fragment: Y.XmlFragment
  /** Index of the document the fragment holds now. */
  index: ArticleTextIndex
  anchor: Anchor
  /** `measureFragment` of the fragment's current state, when resolving many anchors. */
  layout?: FragmentLayout | undefined
}

/**
 * Where an anchor's passage is now. First its relative positions, which follow the passage
 * through any edit that keeps some of its text (the highlight takes in what was typed inside it);
 * then its offsets, if the quote is still there; then the quote, found by fuzzy matching.
 */
export function resolveAnchor(input: ResolveAnchorInput): AnchorResolution {
  const relative = resolveRelativeRange(input)
  if ('from' in relative) return { status: 'anchored', via: 'relative', ...relative }

  const { index, anchor } = input
  const { start, end } = anchor.position
  if (end <= index.text.length && index.text.slice(start, end) === anchor.quote.exact) {
    return { status: 'anchored', via: 'position', ...rangeAt(index, start, end) }
  }

  const match = matchQuote(index.text, anchor.quote, { hint: start })
  if ('start' in match) {
    return { status: 'anchored', via: 'quote', ...rangeAt(index, match.start, match.end) }
  }
  if (match.orphan === 'ambiguous') return { status: 'orphaned', reason: 'ambiguous' }
  return { status: 'orphaned', reason: relative.unresolved === 'deleted' ? 'deleted' : 'not-found' }
}

/** Resolves many anchors against one state of the article, measuring its layout once. */
export function resolveAnchors(
  input: Omit<ResolveAnchorInput, 'anchor' | 'layout'> & { anchors: readonly Anchor[] },
): AnchorResolution[] {
  const layout = measureFragment(input.fragment)
  return input.anchors.map((anchor) => resolveAnchor({ ...input, anchor, layout }))
}

function resolveRelativeRange(
  input: ResolveAnchorInput,
): { from: number; to: number } | { unresolved: UnresolvedReason } {
  const { doc, fragment, index, anchor, layout } = input
  const startRel = decodeRelativePosition(anchor.start)
  const endRel = decodeRelativePosition(anchor.end)
  if (startRel === null || endRel === null) return { unresolved: 'unknown' }
  const start = resolvePmPos(doc, fragment, startRel, layout)
  const end = resolvePmPos(doc, fragment, endRel, layout)
  if (!('pos' in start) || !('pos' in end)) {
    const deleted = [start, end].some(
      (side) => 'unresolved' in side && side.unresolved === 'deleted',
    )
    return { unresolved: deleted ? 'deleted' : 'unknown' }
  }
  const from = start.pos
  const to = end.pos
  // Past the end of the document: the index is not of this state of the fragment.
  if (to > index.size) return { unresolved: 'unknown' }
  // Collapsed, or only whitespace left between them: the passage itself was deleted.
  if (from >= to) return { unresolved: 'deleted' }
  const text = index.text.slice(index.textOffsetAt(from), index.textOffsetAt(to, 'before'))
  if (text.trim() === '') return { unresolved: 'deleted' }
  return { from, to }
}

function rangeAt(
  index: ArticleTextIndex,
  start: number,
  end: number,
): { from: number; to: number } {
  return { from: index.positionAt(start), to: index.positionAt(end) }
}
