import type { Node as PMNode } from '@tiptap/pm/model'
import { AllSelection, TextSelection, type EditorState } from '@tiptap/pm/state'

export interface SelectionRange {
  from: number
  to: number
}

const NON_SPACE = /\S/u

/**
 * The selected text's range, or null when nothing worth annotating is selected: an empty
 * selection, a node selection, or one holding only whitespace. Leading and trailing whitespace
 * is left out, so a double-click that also took the following space highlights just the word.
 * Works the same in a read-only view, whose selection still follows the mouse.
 */
export function selectionRange(state: EditorState): SelectionRange | null {
  const { selection } = state
  if (selection.empty) return null
  if (!(selection instanceof TextSelection || selection instanceof AllSelection)) return null
  return trimmedTextRange(state.doc, selection.from, selection.to)
}

/** The part of `from..to` between its first and last non-whitespace characters. */
export function trimmedTextRange(doc: PMNode, from: number, to: number): SelectionRange | null {
  let start: number | null = null
  let end: number | null = null
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText || node.text === undefined) return true
    const text = node.text
    const lo = Math.max(from, pos)
    const hi = Math.min(to, pos + text.length)
    if (start === null) {
      for (let p = lo; p < hi; p++) {
        if (NON_SPACE.test(text.charAt(p - pos))) {
          start = p
          break
        }
      }
    }
    for (let p = hi; p > lo; p--) {
      if (NON_SPACE.test(text.charAt(p - 1 - pos))) {
        end = p
        break
      }
    }
    return false
  })
  return start !== null && end !== null ? { from: start, to: end } : null
}
