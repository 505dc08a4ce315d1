/*
 * The W3C Web Annotation JSON-LD that Hamish writes (https://www.w3.org/TR/annotation-model/).
 * What is read is validated separately (w3c-input.ts): other tools write much more variety.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** Prefix of Hamish's own properties, declared in each annotation's context so JSON-LD expands them. */
export const HAMISH_VOCABULARY = 'urn:hamish:vocab:'

export const W3C_CONTEXT = [ANNOTATION_CONTEXT, { hamish: HAMISH_VOCABULARY }] as const

export type W3CMotivation = 'highlighting' | 'commenting' | 'replying' | 'tagging'

export interface W3CTextualBody {
  type: 'TextualBody'
  value: string
  purpose: W3CMotivation
  format?: 'text/markdown'
  language?: string
  textDirection?: 'ltr' | 'rtl' | 'auto'
}

export interface W3CTextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix?: string
  suffix?: string
}

export interface W3CTextPositionSelector {
  type: 'TextPositionSelector'
  /** In Unicode code points, as the model says (Hamish keeps UTF-16 offsets). */
  start: number
  end: number
}

export interface W3CSpecificTarget {
  source: string
  selector: [W3CTextQuoteSelector, W3CTextPositionSelector]
  /** Content hash of the article text the passage was selected in. */
  'hamish:articleHash': string
}

export interface W3CAgent {
  id: string
  type: 'Person' | 'Software'
  name: string
}

export interface W3CAnnotation {
  '@context': typeof W3C_CONTEXT
  id: string
  type: 'Annotation'
  motivation: W3CMotivation
  creator: W3CAgent
  created?: string
  modified?: string
  generator?: W3CAgent
  body?: W3CTextualBody[]
  /** The passage, or for a reply the IRI of the annotation it answers. */
  target: W3CSpecificTarget | string
  'hamish:color'?: string
  'hamish:visibility'?: string
  'hamish:resolved'?: boolean
}

export interface W3CAnnotationCollection {
  '@context': typeof W3C_CONTEXT
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  generated?: string
  generator?: W3CAgent
  first: {
    id: string
    type: 'AnnotationPage'
    startIndex: 0
    items: W3CAnnotation[]
  }
}
