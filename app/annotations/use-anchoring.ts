import type { Editor } from '@tiptap/react'
import { useEffect, useMemo, useState } from 'react'
import type { LocalReading } from '../../src/collab/local-reading'
import {
  anchoredNearScreen,
  resolveAnchors,
  type ArticleTextIndex,
  type TextWindow,
} from '../../src/core/anchoring'
import type { Annotation } from '../../src/core/annotations/annotation'
import { visibleRegion, type HighlightRange } from '../../src/editor/annotation-highlights'
import { runWhenIdle } from '../platform/run-when-idle'

export interface Placement {
  from: number
  to: number
}

export interface Anchoring {
  /** Where each anchored annotation's passage is now, by id. */
  placements: ReadonlyMap<string, Placement>
  /** Annotations whose passage could not be found: listed apart, never dropped. */
  orphans: readonly Annotation[]
  /** The text index of the article as it is now, for making new anchors. */
  index: ArticleTextIndex | null
  /**
   * Only the annotations near the screen are placed yet (the first anchoring of thousands); the
   * rest, and any orphans, follow as soon as that has been drawn.
   */
  screenFirst: boolean
}

/** The article's text on screen, as offsets; null when the editor shows none of it. */
export function textOnScreen(editor: Editor, index: ArticleTextIndex): TextWindow | null {
  const region = visibleRegion(editor.view)
  if (!region) return null
  return { start: index.textOffsetAt(region.from), end: index.textOffsetAt(region.to, 'before') }
}

/**
 * From this many anchored annotations, the first anchoring after they arrive places those near
 * the screen before the rest: resolving every relative position of a large seminar took 100 ms
 * or more between the article showing and its first highlights (docs/benchmarks.md, Scale).
 */
const SCREEN_FIRST_FROM = 500

/**
 * Anchors the annotations in the article as it is now and shows them as highlights: relative
 * positions first, then offsets, then the quote (src/core/anchoring). With thousands, the first
 * anchoring takes the passages near the screen, and the rest follow once that has been drawn.
 */
export function useAnchoring(
  editor: Editor | null,
  reading: LocalReading,
  index: ArticleTextIndex | null,
  annotations: readonly Annotation[],
  authorIndex: (userId: string) => number,
): Anchoring {
  // Screen first only once, for the first anchoring of thousands: every later change (an edit, a
  // peer's comment) re-anchors them all in one pass, as before.
  const [phase, setPhase] = useState<'screen-first' | 'all'>('screen-first')

  const anchoring = useMemo<Anchoring>(() => {
    if (!editor || editor.isDestroyed || !index) {
      return { placements: new Map(), orphans: [], index: null, screenFirst: false }
    }
    const anchored = annotations.filter((annotation) => annotation.anchor !== undefined)
    const large = anchored.length >= SCREEN_FIRST_FROM
    const onScreen = large && phase === 'screen-first' ? textOnScreen(editor, index) : null
    const wanted = onScreen ? anchoredNearScreen(anchored, onScreen) : anchored
    const resolutions = resolveAnchors({
      doc: reading.doc,
      fragment: reading.fragment,
      index,
      anchors: wanted.map((annotation) => annotation.anchor!),
    })
    const placements = new Map<string, Placement>()
    const orphans: Annotation[] = []
    resolutions.forEach((resolution, i) => {
      const annotation = wanted[i]!
      if (resolution.status === 'anchored') {
        placements.set(annotation.id, { from: resolution.from, to: resolution.to })
      } else orphans.push(annotation)
    })
    // Not yet orphans: what was not looked for may well be found by the full anchoring.
    if (onScreen) return { placements, orphans: [], index, screenFirst: true }
    return { placements, orphans, index, screenFirst: false }
  }, [editor, reading, annotations, index, phase])

  useEffect(() => {
    if (anchoring.screenFirst) return runWhenIdle(() => setPhase('all'))
  }, [anchoring])

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const byId = new Map(annotations.map((annotation) => [annotation.id, annotation]))
    const ranges: HighlightRange[] = []
    for (const [id, placement] of anchoring.placements) {
      const annotation = byId.get(id)
      if (!annotation || annotation.kind === 'reply') continue
      ranges.push({
        id,
        ...placement,
        color: annotation.color,
        kind: annotation.kind,
        resolved: annotation.resolved === true,
        authorIndex: authorIndex(annotation.author),
      })
    }
    editor.commands.setAnnotationHighlights(ranges)
  }, [editor, anchoring, annotations, authorIndex])

  return anchoring
}
