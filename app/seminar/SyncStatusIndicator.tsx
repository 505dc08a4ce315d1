import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { SeminarConnection } from '../../src/collab/seminar/seminar-connection'

/** Whether the seminar is in step with its server, and how many changes wait to be sent. */
export function SyncStatusIndicator({ connection }: { connection: SeminarConnection }) {
  const { t } = useTranslation()
  const status = useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.syncStatus(),
  )
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
    </span>
  )
}
