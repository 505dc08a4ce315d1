import type { TFunction } from 'i18next'
import { MAX_BODY_CHARS, MAX_TAG_CHARS, MAX_TAGS } from '../../src/core/annotations/annotation'
import { AnnotationInputError } from '../../src/core/annotations/annotation-input'

const LIMITS = {
  'body-too-long': MAX_BODY_CHARS,
  'too-many-tags': MAX_TAGS,
  'tag-too-long': MAX_TAG_CHARS,
  'empty-comment': 0,
} as const

/** Words a refused annotation edit in the UI language. */
export function describeAnnotationError(t: TFunction, error: unknown): string {
  if (error instanceof AnnotationInputError) {
    return t(`error_${error.code}`, { max: LIMITS[error.code] })
  }
  return t('errorGeneric', { detail: error instanceof Error ? error.message : String(error) })
}
