import { useEffect, useState } from 'react'
import { pendingChangesIn } from '../../src/collab/seminar/pending-changes'
import type { SeminarConnection } from '../../src/collab/seminar/seminar-connection'
import { openSeminarReading, type SeminarReading } from '../../src/collab/seminar/seminar-reading'
import type { SeminarMembership } from '../../src/core/seminar/membership'

/** The sync socket's code, loaded with the first seminar opened: reading alone never needs it. */
const loadConnection = () => import('../../src/collab/seminar/seminar-connection')

export type SeminarReadingState =
  | { status: 'loading' }
  | { status: 'ready'; reading: SeminarReading }
  | { status: 'failed'; error: unknown }

/**
 * The seminar being read: its connection and article, opened when the membership is chosen
 * (or on `attempt` changes: "Try again") and closed — everything flushed to IndexedDB — when
 * the reader goes elsewhere. Flushed too when the page is hidden or closed.
 */
export function useSeminarReading(membership: SeminarMembership | null, attempt: number) {
  const [state, setState] = useState<SeminarReadingState>({ status: 'loading' })

  useEffect(() => {
    if (!membership) return
    let live = true
    let connection: SeminarConnection | null = null
    let opened: SeminarReading | null = null
    const flush = () => void opened?.flush()
    const online = () => connection?.setNetworkAvailable(true)
    const offline = () => connection?.setNetworkAvailable(false)
    window.addEventListener('pagehide', flush)
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    // Loading first: the previous seminar's state must not show under the new one.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState({ status: 'loading' })
    void (async () => {
      try {
        const { SeminarConnection } = await loadConnection()
        if (!live) return
        connection = new SeminarConnection(membership, {
          pendingChanges: pendingChangesIn(localStorage),
        })
        if (!navigator.onLine) offline()
        const reading = await openSeminarReading(connection)
        if (!live) return void reading.close()
        opened = reading
        setState({ status: 'ready', reading })
      } catch (error) {
        void connection?.close()
        if (live) setState({ status: 'failed', error })
      }
    })()
    return () => {
      live = false
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
      void (opened ? opened.close() : connection?.close())
    }
  }, [membership, attempt])

  return state
}
