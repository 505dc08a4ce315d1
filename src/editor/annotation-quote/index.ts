export { AnnotationQuote, annotationQuoteClickKey } from './annotation-quote'
export type {
  AnnotationQuoteInsert,
  AnnotationQuoteOptions,
  QuoteDirection,
} from './annotation-quote'
export { ANNOTATION_QUOTE, annotationIdAt } from './annotation-id-at'
