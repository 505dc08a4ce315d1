import type { Node as PMNode } from '@tiptap/pm/model'
import { PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { DecorationSet } from '@tiptap/pm/view'
import { decorationMapping } from './document-diff-map'
import {
  fitsDocument,
  highlightDecoration,
  isHighlightSpec,
  restyledDecoration,
  type HighlightRange,
} from './highlight-range'

export interface HighlightsState {
  decorations: DecorationSet
  /** The annotation emphasised as active, kept even while its highlight is not in the set. */
  activeId: string | null
}

type HighlightsAction =
  { type: 'set'; ranges: readonly HighlightRange[] } | { type: 'active'; id: string | null }

export const annotationHighlightsKey = new PluginKey<HighlightsState>('annotationHighlights')

export const emptyHighlightsState: HighlightsState = {
  decorations: DecorationSet.empty,
  activeId: null,
}

/** Replaces every highlight; the ranges are positions in the transaction's resulting document. */
export function withHighlights(tr: Transaction, ranges: readonly HighlightRange[]): Transaction {
  return tr.setMeta(annotationHighlightsKey, { type: 'set', ranges }).setMeta('addToHistory', false)
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
  if (action?.type === 'set') {
    return {
      decorations: buildHighlights(tr.doc, action.ranges, value.activeId),
      activeId: value.activeId,
    }
  }
  const mapped = tr.docChanged
    ? value.decorations.map(decorationMapping(tr), tr.doc)
    : value.decorations
  if (action?.type === 'active' && action.id !== value.activeId) {
    const unstyled = restyle(mapped, tr.doc, value.activeId, false)
    return { decorations: restyle(unstyled, tr.doc, action.id, true), activeId: action.id }
  }
  return mapped === value.decorations ? value : { decorations: mapped, activeId: value.activeId }
}

function buildHighlights(
  doc: PMNode,
  ranges: readonly HighlightRange[],
  activeId: string | null,
): DecorationSet {
  const decorations = ranges
    .filter((range) => fitsDocument(range, doc))
    .map(({ from, to, ...look }) => highlightDecoration(from, to, look, look.id === activeId))
  return DecorationSet.create(doc, decorations)
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
