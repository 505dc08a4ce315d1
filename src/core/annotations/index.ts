export * from './annotation'
export type { AnnotationSource, InvalidAnnotation } from './annotation-entry'
export { ANNOTATIONS_KEY, annotationEntries } from './annotation-entry'
export type { AnnotationInputErrorCode } from './annotation-input'
export {
  AnnotationInputError,
  normalizeBody,
  normalizeTag,
  normalizeTags,
} from './annotation-input'
export type { AnnotationOperation, AnnotationOperationKind } from './annotation-operation'
export { AnnotationWriteOrigin } from './annotation-operation'
export type {
  AnnotationChanges,
  AnnotationStoreOptions,
  EditContext,
  CreateCommentInput,
  CreateHighlightInput,
  ReplyInput,
} from './annotation-store'
export {
  AnnotationStore,
  DamagedAnnotationError,
  NotOwnAnnotationError,
  VISIBILITIES,
} from './annotation-store'
export type { AnnotationUndoOptions } from './annotation-undo'
export { AnnotationUndo, DEFAULT_CAPTURE_TIMEOUT_MS } from './annotation-undo'
export { AnnotationCollection } from './annotation-collection'
export type { AnnotationThread, OrphanedReplies, ThreadGrouping } from './annotation-threads'
export { groupThreads } from './annotation-threads'
export type {
  AnnotationFilter,
  AuthorCount,
  FacetCounts,
  ResolvedFilter,
  TagCount,
} from './annotation-filter'
export { annotationMatches, countByFacet, filterAnnotations } from './annotation-filter'
export { foldForSearch, searchTerms } from './search-fold'
