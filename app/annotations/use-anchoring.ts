import type { Editor } from '@tiptap/react'
import { useEffect, useMemo, useState } from 'react'
import type { LocalReading } from '../../src/collab/local-reading'
import {
  buildArticleTextIndex,
  resolveAnchors,
  type ArticleTextIndex,
} from '../../src/core/anchoring'
import type { Annotation } from '../../src/core/annotations/annotation'
import type { PMNode } from '../../src/core/article/article-doc'
import type { HighlightRange } from '../../src/editor/annotation-highlights'

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
}

/** Counts document changes, so anchoring reruns after an edit of the article. */
function useDocVersion(editor: Editor | null): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (!editor) return
    let frame = 0
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setVersion((value) => value + 1))
    }
    editor.on('transaction', onTransaction)
    return () => {
      cancelAnimationFrame(frame)
      editor.off('transaction', onTransaction)
    }
  }, [editor])
  return version
}

/**
 * Anchors the annotations in the article as it is now and shows them as highlights: relative
 * positions first, then offsets, then the quote (src/core/anchoring).
 */
export function useAnchoring(
  editor: Editor | null,
  reading: LocalReading,
  annotations: readonly Annotation[],
  authorIndex: (userId: string) => number,
): Anchoring {
  const docVersion = useDocVersion(editor)

  const anchoring = useMemo<Anchoring>(() => {
    if (!editor || editor.isDestroyed) return { placements: new Map(), orphans: [], index: null }
    // Re-read on every document change (docVersion), not only when the editor object changes.
    void docVersion
    const index = buildArticleTextIndex(editor.state.doc.toJSON() as PMNode)
    const anchored = annotations.filter((annotation) => annotation.anchor !== undefined)
    const resolutions = resolveAnchors({
      doc: reading.doc,
      fragment: reading.fragment,
      index,
      anchors: anchored.map((annotation) => annotation.anchor!),
    })
    const placements = new Map<string, Placement>()
    const orphans: Annotation[] = []
    resolutions.forEach((resolution, i) => {
      const annotation = anchored[i]!
      if (resolution.status === 'anchored') {
        placements.set(annotation.id, { from: resolution.from, to: resolution.to })
      } else orphans.push(annotation)
    })
    return { placements, orphans, index }
  }, [editor, reading, annotations, docVersion])

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
