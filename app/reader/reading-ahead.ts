import {
  openLocalReading,
  type LocalReading,
  type OpenLocalReadingOptions,
} from '../../src/collab/local-reading'
import type { OpenedArticle, Platform } from '../../src/core/platform'
import { getPreferences } from '../state/preferences'
import { firstScreenText } from '../../src/core/article/first-screen-text'
import { startupArticle } from './load-article'

/** The startup article, and its reading opened from IndexedDB. */
export interface OpenedReading {
  readonly opened: OpenedArticle
  readonly reading: LocalReading
}

interface Ahead {
  readonly readerId: string
  readonly result: Promise<OpenedReading>
}

let ahead: Ahead | null = null

/**
 * How this window opens a reading for `readerId`: seeding under a cross-tab lock, the reader's
 * indexes read for the text this window's first screen will show.
 */
export function localReadingOptions(readerId: string): OpenLocalReadingOptions {
  return {
    locks: navigator.locks,
    readerId,
    opensAt: firstScreenText(window.innerHeight, getPreferences().fontScale),
  }
}

/**
 * Starts opening the startup article's reading before the page's first render. Opened from the
 * reader's effects, it began only once the header and panels were rendered and painted, 50–70
 * ms into a first start during which IndexedDB, slow as a page starts, sat idle. Not started in
 * a window that opens in a seminar: that window reads nothing it does not show.
 */
export function openStartupReadingAhead(platform: Platform, readerId: string): void {
  if (ahead) return
  const result = (async () => {
    const opened = await startupArticle(platform)
    const reading = await openLocalReading(opened.article, localReadingOptions(readerId))
    return { opened, reading }
  })()
  // Whoever claims it sees a failure; unclaimed, it is nobody's concern.
  result.catch(() => {})
  ahead = { readerId, result }
}

/**
 * The reading opened ahead for `readerId`, once: null when there is none, or when it was opened
 * for another reader, which is then closed.
 */
export function claimStartupReading(readerId: string): Promise<OpenedReading> | null {
  const mine = ahead
  ahead = null
  if (!mine) return null
  if (mine.readerId === readerId) return mine.result
  mine.result.then(({ reading }) => reading.close()).catch(() => {})
  return null
}
