import type { Node as PMNode } from '@tiptap/pm/model'
import { PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { DecorationSet, type Decoration } from '@tiptap/pm/view'
import { decorationMapping } from './document-diff-map'
import {
  DRAW_AT_ONCE,
  drawingOf,
  drawnWithin,
  mappedDrawing,
  type Drawing,
  type DrawnRegion,
} from './drawn-region'
import {
  fitsDocument,
  highlightDecoration,
  highlightSpecOf,
  isHighlightSpec,
  restyledDecoration,
  type HighlightLook,
  type HighlightRange,
} from './highlight-range'

export interface HighlightsState {
  decorations: DecorationSet
  /** The annotation emphasised as active, kept even while its highlight is not in the set. */
  activeId: string | null
  /** While a large first set is drawn a slice at a time, what is drawn so far; else null. */
  drawing: Drawing | null
}

type HighlightsAction =
  | {
      type: 'set'
      ranges: readonly HighlightRange[]
      decorations?: DecorationSet
      /** Where the reader is looking: a large first set is drawn from there outwards. */
      visible?: DrawnRegion
    }
  | { type: 'active'; id: string | null }
  | { type: 'draw'; region: DrawnRegion }

export const annotationHighlightsKey = new PluginKey<HighlightsState>('annotationHighlights')

export const emptyHighlightsState: HighlightsState = {
  decorations: DecorationSet.empty,
  activeId: null,
  drawing: null,
}

/** What the view draws: everything, or while drawing progressively, what is done so far. */
export function drawnHighlights(state: EditorState): DecorationSet {
  const value = highlightsState(state)
  return value.drawing?.drawn ?? value.decorations
}

/** Replaces every highlight; the ranges are positions in the transaction's resulting document. */
export function withHighlights(tr: Transaction, ranges: readonly HighlightRange[]): Transaction {
  return tr.setMeta(annotationHighlightsKey, { type: 'set', ranges }).setMeta('addToHistory', false)
}

/**
 * The highlights `ranges` would make in `state`, or null when they are what it shows already.
 * Commands use it to dispatch nothing for nothing: any dispatch writes the editor's selection
 * back to the page, and one that comes between the reader selecting text and the editor
 * reading that selection undoes the selection (in a seminar, presence and sync re-render
 * often).
 */
export function highlightsChange(
  state: EditorState,
  ranges: readonly HighlightRange[],
): DecorationSet | null {
  const current = highlightsState(state)
  const next = updateHighlights(current.decorations, state.doc, ranges, current.activeId)
  return next === current.decorations ? null : next
}

/** Replaces every highlight with ones already worked out by `highlightsChange`. */
export function withComputedHighlights(
  tr: Transaction,
  ranges: readonly HighlightRange[],
  decorations: DecorationSet,
  visible?: DrawnRegion,
): Transaction {
  const action: HighlightsAction = { type: 'set', ranges, decorations, visible }
  return tr.setMeta(annotationHighlightsKey, action).setMeta('addToHistory', false)
}

/**
 * Whether setting `ranges` now could start a progressive drawing (and so needs the visible
 * region): when they would add more highlights than are drawn at once to those drawn, the first
 * set of a seminar or the rest of it after its first screen (app/annotations/use-anchoring.ts).
 */
export function drawsProgressively(state: EditorState, ranges: readonly HighlightRange[]): boolean {
  const value = highlightsState(state)
  if (value.drawing !== null || ranges.length <= DRAW_AT_ONCE) return false
  // A range is drawn in one piece or more, so this counts the growth low, never high.
  return ranges.length - count(value.decorations) > DRAW_AT_ONCE
}

/** Draws the highlights of `region` too (a step of a progressive drawing). */
export function withDrawnRegion(tr: Transaction, region: DrawnRegion): Transaction {
  const action: HighlightsAction = { type: 'draw', region }
  return tr.setMeta(annotationHighlightsKey, action).setMeta('addToHistory', false)
}

export function withActiveAnnotation(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(annotationHighlightsKey, { type: 'active', id }).setMeta('addToHistory', false)
}

export function highlightsState(state: EditorState): HighlightsState {
  return annotationHighlightsKey.getState(state) ?? emptyHighlightsState
}

export function applyHighlightsTransaction(
  tr: Transaction,
  value: HighlightsState,
): HighlightsState {
  const action = tr.getMeta(annotationHighlightsKey) as HighlightsAction | undefined
  const mapped = tr.docChanged
    ? value.decorations.map(decorationMapping(tr), tr.doc)
    : value.decorations
  let { activeId, drawing } = value
  let decorations = mapped
  if (action?.type === 'set') {
    // Worked out by `highlightsChange` against this very state when nothing moved since.
    decorations =
      action.decorations && !tr.docChanged
        ? action.decorations
        : updateHighlights(mapped, tr.doc, action.ranges, activeId)
    if (
      drawing === null &&
      action.visible &&
      count(decorations) - count(value.decorations) > DRAW_AT_ONCE
    ) {
      drawing = drawingOf(decorations, tr.doc, action.visible)
    }
  } else if (action?.type === 'active' && action.id !== activeId) {
    decorations = restyle(restyle(mapped, tr.doc, activeId, false), tr.doc, action.id, true)
    activeId = action.id
  } else if (action?.type === 'draw' && drawing) {
    drawing = drawingOf(decorations, tr.doc, {
      from: Math.min(action.region.from, drawing.region.from),
      to: Math.max(action.region.to, drawing.region.to),
    })
  }
  if (
    decorations === value.decorations &&
    drawing === value.drawing &&
    activeId === value.activeId
  ) {
    return value
  }
  if (drawing && drawing === value.drawing) {
    // The whole set changed (an edit, new ranges, another active one): so does the part drawn.
    drawing = tr.docChanged
      ? mappedDrawing(drawing, decorations, tr.doc, tr.mapping)
      : { region: drawing.region, drawn: drawnWithin(decorations, tr.doc, drawing.region) }
  }
  return { decorations, activeId, drawing }
}

function count(decorations: DecorationSet): number {
  return decorations === DecorationSet.empty ? 0 : decorations.find().length
}

/** Everything a highlight decoration is drawn from, as one comparable string. */
function rangeKey(from: number, to: number, look: HighlightLook): string {
  const author = look.authorIndex ?? ''
  return `${look.id}\u0000${from}\u0000${to}\u0000${look.color}\u0000${look.kind}\u0000${look.resolved === true}\u0000${author}`
}

/**
 * The highlights as `ranges` says, changing only what differs from `current`: the app hands
 * over every range on each change, and with thousands of highlights rebuilding them all made
 * the view compare and redraw thousands of spans for one new comment. Returns `current` itself
 * when nothing differs.
 */
function updateHighlights(
  current: DecorationSet,
  doc: PMNode,
  ranges: readonly HighlightRange[],
  activeId: string | null,
): DecorationSet {
  const existing = new Map<string, Decoration[]>()
  for (const decoration of current.find()) {
    const spec = highlightSpecOf(decoration)
    if (!spec) continue
    const key = rangeKey(decoration.from, decoration.to, spec.look)
    const same = existing.get(key)
    if (same) same.push(decoration)
    else existing.set(key, [decoration])
  }
  const added: Decoration[] = []
  for (const range of ranges) {
    if (!fitsDocument(range, doc)) continue
    const { from, to, ...look } = range
    const kept = existing.get(rangeKey(from, to, look))
    if (kept && kept.length > 0) kept.pop()
    else added.push(highlightDecoration(from, to, look, look.id === activeId))
  }
  const removed = [...existing.values()].flat()
  if (added.length === 0 && removed.length === 0) return current
  // `remove` empties the array it is given, which is ours alone here.
  return current.remove(removed).add(doc, added)
}

/** Swaps only the decorations of one annotation, so moving the active one stays cheap. */
function restyle(
  decorations: DecorationSet,
  doc: PMNode,
  id: string | null,
  active: boolean,
): DecorationSet {
  if (id === null) return decorations
  const found = decorations.find(
    undefined,
    undefined,
    (spec) => isHighlightSpec(spec) && spec.annotationId === id,
  )
  if (found.length === 0) return decorations
  const restyled = found.map((decoration) => restyledDecoration(decoration, active))
  // `remove` empties the array it is given; it gets its own copy.
  return decorations.remove([...found]).add(doc, restyled)
}
