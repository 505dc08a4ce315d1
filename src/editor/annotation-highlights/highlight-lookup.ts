import type { EditorState } from '@tiptap/pm/state'
import type { Decoration } from '@tiptap/pm/view'
import { highlightSpecOf, isHighlightSpec } from './highlight-range'
import { highlightsState } from './highlights-state'

/** Where a highlight currently is, after the edits it has been mapped through. */
export interface HighlightExtent {
  id: string
  from: number
  to: number
}

/**
 * Every highlight's extent in document order (by start, then end, then id). An annotation given
 * as several ranges extends from the first one's start to the last one's end.
 */
export function highlightExtents(state: EditorState): HighlightExtent[] {
  return [...extentsOf(highlightsState(state).decorations.find()).values()].sort(byDocumentOrder)
}

/**
 * The annotation whose highlight is at `pos`, or null. Where highlights overlap, the innermost
 * wins: one that strictly contains the position before one that only touches it with an end,
 * then the shortest, then the one starting last.
 */
export function highlightIdAt(state: EditorState, pos: number): string | null {
  const { decorations } = highlightsState(state)
  const candidateIds = new Set(
    decorations
      .find(pos, pos)
      .map((decoration) => highlightSpecOf(decoration)?.annotationId)
      .filter((id): id is string => id !== undefined),
  )
  if (candidateIds.size === 0) return null
  const candidates = decorations.find(
    undefined,
    undefined,
    (spec) => isHighlightSpec(spec) && candidateIds.has(spec.annotationId),
  )
  const extents = [...extentsOf(candidates).values()]
  const strictlyInside = (extent: HighlightExtent): number =>
    extent.from < pos && pos < extent.to ? 0 : 1
  extents.sort(
    (a, b) =>
      strictlyInside(a) - strictlyInside(b) ||
      a.to - a.from - (b.to - b.from) ||
      b.from - a.from ||
      compareIds(a.id, b.id),
  )
  return extents[0]?.id ?? null
}

/**
 * The annotation to move to with "next" (1) or "previous" (-1): the neighbour of the active one
 * in document order, or, with none active, the first highlight starting at or after the
 * selection (the last one starting before it, going back). Wraps around at either end.
 */
export function adjacentHighlightId(state: EditorState, direction: 1 | -1): string | null {
  const extents = highlightExtents(state)
  const first = extents[0]
  const last = extents[extents.length - 1]
  if (!first || !last) return null
  const { activeId } = highlightsState(state)
  const activeIndex = extents.findIndex((extent) => extent.id === activeId)
  if (activeIndex >= 0) {
    const index = (activeIndex + direction + extents.length) % extents.length
    return extents[index]?.id ?? null
  }
  const from = state.selection.from
  if (direction === 1) return (extents.find((extent) => extent.from >= from) ?? first).id
  return (extents.findLast((extent) => extent.from < from) ?? last).id
}

function extentsOf(decorations: readonly Decoration[]): Map<string, HighlightExtent> {
  const extents = new Map<string, HighlightExtent>()
  for (const decoration of decorations) {
    const id = highlightSpecOf(decoration)?.annotationId
    if (id === undefined) continue
    const known = extents.get(id)
    if (known) {
      known.from = Math.min(known.from, decoration.from)
      known.to = Math.max(known.to, decoration.to)
    } else {
      extents.set(id, { id, from: decoration.from, to: decoration.to })
    }
  }
  return extents
}

function byDocumentOrder(a: HighlightExtent, b: HighlightExtent): number {
  return a.from - b.from || a.to - b.to || compareIds(a.id, b.id)
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
