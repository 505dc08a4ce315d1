import { useEffect, useState } from 'react'
import { openAnnotationSession, type AnnotationSession } from '../../src/collab/annotation-session'
import type { LocalReading } from '../../src/collab/local-reading'
import type { SeminarReading } from '../../src/collab/seminar/seminar-reading'
import { openSeminarSession, type SeminarSession } from '../../src/collab/seminar/seminar-session'
import { runWhenIdle } from '../platform/run-when-idle'
import type { Identity } from '../state/identity'

export function isSeminarReading(reading: LocalReading): reading is SeminarReading {
  return 'connection' in reading
}

export function isSeminarSession(session: AnnotationSession): session is SeminarSession {
  return 'peers' in session
}

/** How long the rewrite of old-shape annotations may wait for an idle moment. */
const UPGRADE_DELAY_MS = 5_000

/**
 * The reader's annotation documents for the open article, opened and closed with it: alone,
 * their local documents; in a seminar, the synced ones with the classmates' beside them. They
 * are opened once `mayOpen` (see useFirstScreenPreview).
 */
export function useAnnotationSession(reading: LocalReading, identity: Identity, mayOpen = true) {
  const [session, setSession] = useState<AnnotationSession | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (!mayOpen) return
    let live = true
    let opened: AnnotationSession | null = null
    let cancelUpgrade = () => {}
    const flush = () => void opened?.flush()
    window.addEventListener('pagehide', flush)
    const opening = isSeminarReading(reading)
      ? openSeminarSession(reading)
      : openAnnotationSession(reading, identity)
    const shown = (value: AnnotationSession) => {
      setSession(value)
      cancelUpgrade = runWhenIdle(() => {
        // Once, for annotations saved by an older version: not in the way of the first screen.
        value.store.upgradeStoredEntries()
        // Stored with the whole state, the indexes let the next opening draw its first screen
        // before reading the documents (use-first-screen-preview.ts): written now where there
        // were none to trust, or a document was new.
        void reading.firstScreen?.then((indexes) => {
          if (!indexes || Object.values(indexes).some((stored) => stored.empty)) {
            return value.flush()
          }
        })
      }, UPGRADE_DELAY_MS)
    }
    opening.then(
      (value) => {
        if (!live) return void value.close()
        opened = value
        // Decoding the documents took a task; reading thousands of entries takes another and
        // drawing them a third, so that a click or a scroll is not kept waiting for all three.
        inNextTask(() => {
          if (!live) return
          value.collection.all()
          inNextTask(() => live && shown(value))
        })
      },
      (reason: unknown) => live && setError(reason),
    )
    return () => {
      live = false
      cancelUpgrade()
      window.removeEventListener('pagehide', flush)
      void opened?.close()
    }
  }, [reading, identity, mayOpen])

  return { session: session, error }
}

function inNextTask(run: () => void): void {
  setTimeout(run, 0)
}
