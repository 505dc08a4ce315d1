import type { TFunction } from 'i18next'
import { SeminarApiError } from '../../src/collab/seminar/seminar-api-client'
import { SeminarArticleUnavailable } from '../../src/collab/seminar/seminar-reading'

/** A seminar failure in the reader's language, saying what to do about it. */
export function describeSeminarError(t: TFunction, error: unknown, server: string): string {
  if (error instanceof SeminarApiError) {
    if (error.kind === 'unreachable') return t('seminar_unreachable', { server })
    if (error.kind === 'refused') return t('seminar_refused', { reason: error.message })
    return t('seminar_unexpected', { server })
  }
  if (error instanceof SeminarArticleUnavailable) {
    return error.reason === 'refused'
      ? t('seminar_articleRefused', { reason: error.detail ?? '' })
      : t('seminar_offlineFirstOpen')
  }
  return t('problemUnknown', { detail: error instanceof Error ? error.message : String(error) })
}
