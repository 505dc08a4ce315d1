import type { Node as PMNode } from '@tiptap/pm/model'

/**
 * For tests: the document range of the `occurrence`-th (0-based) appearance of `text` inside a
 * single text node.
 */
export function textRange(doc: PMNode, text: string, occurrence = 0): { from: number; to: number } {
  let seen = 0
  let found: { from: number; to: number } | null = null
  doc.descendants((node, pos) => {
    if (found || !node.isText || node.text === undefined) return !found
    let index = node.text.indexOf(text)
    while (index >= 0) {
      if (seen === occurrence) {
        found = { from: pos + index, to: pos + index + text.length }
        return false
      }
      seen += 1
      index = node.text.indexOf(text, index + 1)
    }
    return false
  })
  if (!found) throw new Error(`"${text}" (#${occurrence}) is not in the document`)
  return found
}
