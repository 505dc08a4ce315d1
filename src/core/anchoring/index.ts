export type { AnchorResolution, CreateAnchorInput, ResolveAnchorInput } from './anchor'
export { createAnchor, resolveAnchor, resolveAnchors } from './anchor'
export type { ArticleTextIndex, TextSide } from './article-text-index'
export { buildArticleTextIndex } from './article-text-index'
export { LEAF_NODE_TYPES } from './leaf-node-types'
export type { MatchQuoteOptions, QuoteMatch, QuoteOrphan } from './quote-match'
export { matchQuote } from './quote-match'
export type { Assoc, FragmentLayout, PmPosResolution, UnresolvedReason } from './relative-position'
export {
  decodeRelativePosition,
  encodeRelativePosition,
  measureFragment,
  pmPosFromRelativePosition,
  relativePositionFromPmPos,
  resolvePmPos,
} from './relative-position'
export type { RangeSelectors } from './text-selectors'
export { QUOTE_CONTEXT_LENGTH, describeRange, describeTextRange } from './text-selectors'
export type { TextWindow } from './screen-first'
export { anchoredNearScreen } from './screen-first'
