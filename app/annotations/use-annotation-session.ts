import { useEffect, useState } from 'react'
import { openAnnotationSession, type AnnotationSession } from '../../src/collab/annotation-session'
import type { LocalReading } from '../../src/collab/local-reading'
import type { Identity } from '../state/identity'

/** The reader's annotation documents for the open article, opened and closed with it. */
export function useAnnotationSession(reading: LocalReading, identity: Identity) {
  const [session, setSession] = useState<AnnotationSession | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    let live = true
    let opened: AnnotationSession | null = null
    const flush = () => void opened?.flush()
    window.addEventListener('pagehide', flush)
    openAnnotationSession(reading, identity).then(
      (value) => {
        if (live) {
          opened = value
          setSession(value)
        } else void value.close()
      },
      (reason: unknown) => live && setError(reason),
    )
    return () => {
      live = false
      window.removeEventListener('pagehide', flush)
      void opened?.close()
    }
  }, [reading, identity])

  return { session: session, error }
}
