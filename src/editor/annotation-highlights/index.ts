export { AnnotationHighlights } from './annotation-highlights'
export type { AnnotationHighlightsOptions } from './annotation-highlights'
export type { HighlightRange } from './highlight-range'
export { ANNOTATION_SHORTCUTS } from './highlights-plugin'
export {
  annotationHighlightsKey,
  highlightsState,
  withActiveAnnotation,
  withHighlights,
} from './highlights-state'
export type { HighlightsState } from './highlights-state'
export { adjacentHighlightId, highlightExtents, highlightIdAt } from './highlight-lookup'
export type { HighlightExtent } from './highlight-lookup'
export { visibleRegion } from './progressive-drawing'
