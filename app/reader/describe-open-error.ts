import type { TFunction } from 'i18next'
import { LocalStorageUnavailableError } from '../../src/collab/persisted-doc'
import { MAX_ARTICLE_BYTES } from '../../src/core/article-file/article-file-problem'
import { ArticleOpenError } from '../platform/article-open-error'

/** Words a failure to open an article in the UI language: what went wrong, and what to do. */
export function describeOpenError(t: TFunction, error: unknown): string {
  if (error instanceof LocalStorageUnavailableError) {
    return t('storageUnavailable', { detail: error.reason })
  }
  if (!(error instanceof ArticleOpenError)) {
    return t('problemUnknown', { detail: error instanceof Error ? error.message : String(error) })
  }
  const reason = (() => {
    switch (error.problem?.kind) {
      case 'unsupported-type':
        return t('problemUnsupported')
      case 'too-large':
        return t('problemTooLarge', { limit: MAX_ARTICLE_BYTES / 1024 / 1024 })
      case 'binary':
        return t('problemBinary')
      case 'empty':
        return t('problemEmpty')
      default:
        return t('problemUnknown', { detail: error.message })
    }
  })()
  return t('openFailed', { fileName: error.fileName, reason })
}
