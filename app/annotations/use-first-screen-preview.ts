import type { Editor } from '@tiptap/react'
import { useEffect, useMemo, useState } from 'react'
import { previewNear, readMyIndexes, type MyIndexes } from '../../src/collab/first-screen-preview'
import type { LocalReading } from '../../src/collab/local-reading'
import type { ArticleTextIndex, TextWindow } from '../../src/core/anchoring'
import type { AnnotationCollection } from '../../src/core/annotations/annotation-collection'
import { usePaintedAfter } from '../reader/use-painted-after'
import { textOnScreen } from './use-anchoring'

export interface FirstScreen {
  /** The reader's annotations near the screen, from the indexes, until their documents open. */
  readonly collection: AnnotationCollection | null
  /**
   * Whether the documents may be opened now: there are no indexes to draw from, or what they
   * hold has been drawn. Decoding thousands of annotations takes the main thread for a while,
   * so it waits for that frame.
   */
  readonly settled: boolean
}

/** Marked in the page's performance timeline when the first screen is drawn from the indexes. */
export const FIRST_SCREEN_MARK = 'hamish:first-screen-from-index'

/** The screen's text, and a screen's worth above it: cards there may stack down into view. */
function previewWindow(editor: Editor, index: ArticleTextIndex): TextWindow | null {
  const screen = textOnScreen(editor, index)
  if (!screen) return null
  return { start: screen.start - (screen.end - screen.start), end: screen.end }
}

type Indexes = MyIndexes | null | undefined

/**
 * Draws the first screen's highlights and cards from the reader's first-screen indexes
 * (src/core/annotations/first-screen-index.ts), read while the article opened: only the entries
 * whose passages reach into the screen, or lie above it. Where the screen shows more than was
 * read ahead, the rest is read first. The documents themselves open once that is drawn.
 */
export function useFirstScreenPreview(
  reading: LocalReading,
  owner: string,
  editor: Editor | null,
  index: ArticleTextIndex | null,
  sessionOpen: boolean,
): FirstScreen {
  // undefined while they are read; null when there are none to trust.
  const [indexes, setIndexes] = useState<Indexes>(reading.firstScreen ? undefined : null)

  useEffect(() => {
    let live = true
    reading.firstScreen?.then(
      (found) => live && setIndexes(found),
      () => live && setIndexes(null),
    )
    return () => {
      live = false
    }
  }, [reading])

  const window = useMemo(
    () => (indexes && editor && !editor.isDestroyed && index ? previewWindow(editor, index) : null),
    [indexes, editor, index],
  )
  const preview = useMemo(
    () => (indexes && window && !sessionOpen ? previewNear(indexes, owner, window) : null),
    [indexes, owner, window, sessionOpen],
  )

  useEffect(() => {
    if (preview !== 'unread' || !window) return
    let live = true
    readMyIndexes(reading.seminarId, owner, window).then(
      (found) => live && setIndexes(found),
      () => live && setIndexes(null),
    )
    return () => {
      live = false
    }
  }, [preview, reading, owner, window])

  const drawable = preview && preview !== 'unread' ? preview : null
  const drawn = usePaintedAfter(drawable)
  useEffect(() => {
    if (drawn) performance.mark(FIRST_SCREEN_MARK)
  }, [drawn])
  useEffect(() => (drawable ? () => drawable.close() : undefined), [drawable])

  // Indexes there are none of, or none that will do (no screen to draw, an untrusted bucket).
  const unusable = indexes === null || (indexes !== undefined && editor !== null && !preview)
  return {
    collection: drawable?.collection ?? null,
    settled: drawn || unusable || sessionOpen,
  }
}
