export type { AnnotationImportProblem } from './annotation-import-error'
export { AnnotationImportError } from './annotation-import-error'
export {
  annotationIdFromIri,
  annotationIri,
  articleUrn,
  userIdFromIri,
  userIri,
} from './annotation-iri'
export type {
  AnnotationImport,
  FromW3COptions,
  ImportedAnnotation,
  ImportReport,
  UnanchoredReason,
} from './from-w3c'
export { fromW3C } from './from-w3c'
export type { ToW3COptions } from './to-w3c'
export { toW3C, w3cWriter } from './to-w3c'
export type {
  W3CAgent,
  W3CAnnotation,
  W3CAnnotationCollection,
  W3CMotivation,
  W3CTextualBody,
} from './w3c-annotation'
export { ANNOTATION_CONTEXT, HAMISH_VOCABULARY, W3C_CONTEXT } from './w3c-annotation'
export { MAX_ANNOTATION_IMPORT_CHARS } from './w3c-input'
export type { ImportTarget, WriteOutcome } from './imported-annotation-writer'
export { ImportClock, writeImportedAnnotations } from './imported-annotation-writer'
