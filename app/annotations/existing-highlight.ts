import type { Annotation } from '../../src/core/annotations/annotation'
import type { Placement } from './use-anchoring'

/**
 * The reader's own highlight of exactly this passage, if there is one. Highlighting a passage
 * again (the shortcut pressed twice, or another colour picked from the menu still showing over
 * it) recolours that highlight rather than stacking a copy on the same words.
 */
export function ownHighlightOf(
  annotations: readonly Annotation[],
  placements: ReadonlyMap<string, Placement>,
  me: string,
  passage: Placement,
): Annotation | undefined {
  return annotations.find((annotation) => {
    if (annotation.kind !== 'highlight' || annotation.author !== me) return false
    const placement = placements.get(annotation.id)
    return placement?.from === passage.from && placement.to === passage.to
  })
}
