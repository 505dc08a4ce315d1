import { useCallback, useEffect, useRef, useState } from 'react'
import { openLocalReading, type LocalReading } from '../../src/collab/local-reading'
import type { OpenedArticle } from '../../src/core/platform'
import { claimStartupReading, localReadingOptions, type OpenedReading } from './reading-ahead'

export type ReadingState =
  | { status: 'loading' }
  | { status: 'ready'; reading: LocalReading; fileName: string }
  | { status: 'failed'; error: unknown }

export type ArticleSource = () => Promise<OpenedArticle | null>

/**
 * Opens articles as local readings, one at a time: opening another closes (and flushes) the
 * previous one, and the current one is flushed when the page is hidden or closed. When another
 * article fails to open, the one being read stays open and `openError` says what went wrong.
 */
export function useReading(initial: ArticleSource, readerId: string, wanted = true) {
  const [state, setState] = useState<ReadingState>({ status: 'loading' })
  const [openError, setOpenError] = useState<unknown>(null)
  const current = useRef<LocalReading | null>(null)
  // The startup article opens once it is wanted (a window that starts in a seminar reads nothing
  // it does not show), and never after something else was opened.
  const started = useRef(false)
  const generation = useRef(0)

  const open = useCallback(
    /** `ahead`: the same source's reading, already being opened (see reading-ahead.ts). */
    async (source: ArticleSource, ahead: Promise<OpenedReading> | null = null) => {
      const wasStarted = started.current
      started.current = true
      const mine = ++generation.current
      let opened: OpenedArticle | null
      let reading: LocalReading
      try {
        if (ahead) {
          const early = await ahead
          opened = early.opened
          reading = early.reading
        } else {
          opened = await source()
          if (!opened) {
            // The user cancelled a file dialog: keep what is open, or still open the startup
            // article.
            started.current = wasStarted
            return
          }
          setOpenError(null)
          if (!current.current) setState({ status: 'loading' })
          reading = await openLocalReading(opened.article, localReadingOptions(readerId))
        }
      } catch (error) {
        if (mine !== generation.current) return
        if (current.current) setOpenError(error)
        else setState({ status: 'failed', error })
        return
      }
      if (mine !== generation.current) {
        await reading.close()
        return
      }
      const previous = current.current
      current.current = reading
      setState({ status: 'ready', reading, fileName: opened.fileName })
      if (previous && previous !== reading) await previous.close()
    },
    [readerId],
  )

  useEffect(() => {
    if (!wanted || started.current) return
    void open(initial, claimStartupReading(readerId))
  }, [open, initial, wanted, readerId])

  useEffect(() => {
    const flush = () => void current.current?.flush()
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      void current.current?.close()
      current.current = null
    }
  }, [])

  return { state, open, openError, dismissOpenError: () => setOpenError(null) }
}
