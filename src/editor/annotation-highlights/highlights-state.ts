import type { Node as PMNode } from '@tiptap/pm/model'
import { PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { DecorationSet, type Decoration } from '@tiptap/pm/view'
import { decorationMapping } from './document-diff-map'
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
}

type HighlightsAction =
  | { type: 'set'; ranges: readonly HighlightRange[]; decorations?: DecorationSet }
  | { type: 'active'; id: string | null }

export const annotationHighlightsKey = new PluginKey<HighlightsState>('annotationHighlights')

export const emptyHighlightsState: HighlightsState = {
  decorations: DecorationSet.empty,
  activeId: null,
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
): Transaction {
  return tr
    .setMeta(annotationHighlightsKey, { type: 'set', ranges, decorations })
    .setMeta('addToHistory', false)
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
  if (action?.type === 'set') {
    // Worked out by `highlightsChange` against this very state when nothing moved since.
    const decorations =
      action.decorations && !tr.docChanged
        ? action.decorations
        : updateHighlights(mapped, tr.doc, action.ranges, value.activeId)
    return decorations === value.decorations ? value : { decorations, activeId: value.activeId }
  }
  if (action?.type === 'active' && action.id !== value.activeId) {
    const unstyled = restyle(mapped, tr.doc, value.activeId, false)
    return { decorations: restyle(unstyled, tr.doc, action.id, true), activeId: action.id }
  }
  return mapped === value.decorations ? value : { decorations: mapped, activeId: value.activeId }
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
