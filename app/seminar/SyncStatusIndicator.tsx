import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { SeminarConnection } from '../../src/collab/seminar/seminar-connection'

/** Whether the seminar is in step with its server, and how many changes wait to be sent. */
export function SyncStatusIndicator({ connection }: { connection: SeminarConnection }) {
  const { t } = useTranslation()
  const subscribe = (listener: () => void) => connection.subscribe(listener)
  const status = useSyncExternalStore(subscribe, () => connection.syncStatus())
  const problem = useSyncExternalStore(subscribe, () => connection.problem())
  return (
    <span
      className="sync-status"
      data-testid="sync-status"
      data-state={status.state}
      data-unsynced={status.unsynced}
      role="status"
    >
      <span className="sync-dot" aria-hidden="true" />
      {t(`seminar_status_${status.state}`)}
      {status.unsynced > 0 && (
        <span className="sync-count">{t('seminar_unsynced', { count: status.unsynced })}</span>
      )}
      {problem && status.state !== 'online' && (
        <span className="sync-problem" data-testid="sync-problem" dir="auto">
          {describeProblem(t, problem.code, problem.reason)}
        </span>
      )}
    </span>
  )
}

/** The server's close codes (src/server/seminar/sync-context.ts) in the reader's language. */
function describeProblem(t: TFunction, code: number, reason: string): string {
  switch (code) {
    case 4507:
      return t('seminar_problemCannotSave')
    case 4403:
      return t('seminar_removed')
    case 4429:
      return t('seminar_problemTooFast')
    default:
      return t('seminar_problemOther', { reason })
  }
}
