import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { localWrites, type LocalWrites } from '../../src/collab/local-writes'

/**
 * Says that changes IndexedDB would not store (a full disk) live only in this window, for as long
 * as that lasts: not a notice to dismiss, it goes once a write succeeds (Hamish writes again on
 * its own, with the next change, or on "Try again"). Closing or reloading meanwhile asks first.
 */
export function UnsavedChangesNotice({ writes = localWrites }: { writes?: LocalWrites }) {
  const { t } = useTranslation()
  const subscribe = useCallback((listener: () => void) => writes.subscribe(listener), [writes])
  const problem = useSyncExternalStore(subscribe, () => writes.problem())
  const [retrying, setRetrying] = useState(false)
  const unsaved = problem !== null

  useEffect(() => {
    if (!unsaved) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Chromium before 119 asks only when `returnValue` is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [unsaved])

  if (!problem) return null
  const retry = () => {
    setRetrying(true)
    void writes.retry().finally(() => setRetrying(false))
  }
  return (
    <div className="notice" role="alert" data-testid="unsaved-changes">
      <p dir="auto">
        {t(problem.kind === 'full' ? 'unsavedFull' : 'unsavedRefused', { detail: problem.detail })}
      </p>
      <button type="button" className="tool" disabled={retrying} onClick={retry}>
        {t('retry')}
      </button>
    </div>
  )
}
