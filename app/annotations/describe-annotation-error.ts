import type { TFunction } from 'i18next'
import { LocalStorageUnavailableError } from '../../src/collab/persisted-doc'
import { MAX_BODY_CHARS, MAX_TAG_CHARS, MAX_TAGS } from '../../src/core/annotations/annotation'
import { AnnotationInputError } from '../../src/core/annotations/annotation-input'
import { WorkspaceProblem } from './workspace-problem'

const LIMITS = {
  'body-too-long': MAX_BODY_CHARS,
  'too-many-tags': MAX_TAGS,
  'tag-too-long': MAX_TAG_CHARS,
  'empty-comment': 0,
  'emptied-comment-has-replies': 0,
} as const

/**
 * Words a refused annotation edit in the UI language. Call it when rendering, not when the
 * refusal happens, so that a language switch re-words what is on screen.
 */
export function describeAnnotationError(t: TFunction, error: unknown): string {
  if (error instanceof WorkspaceProblem) return t(error.key)
  // The reader's own documents would not open: the same words, and advice, as for the article.
  if (error instanceof LocalStorageUnavailableError) {
    return t('storageUnavailable', { detail: error.reason })
  }
  if (error instanceof AnnotationInputError) {
    return t(`error_${error.code}`, { max: LIMITS[error.code] })
  }
  return t('errorGeneric', { detail: error instanceof Error ? error.message : String(error) })
}
