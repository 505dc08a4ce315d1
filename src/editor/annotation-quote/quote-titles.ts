import type { Node as PMNode } from '@tiptap/pm/model'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ANNOTATION_QUOTE } from './annotation-id-at'

/**
 * Titles for the linked quotes of a document, as node decorations rather than stored attributes:
 * the title is in the reader's interface language, and the document is shared. The returned
 * function is asked on every redraw (so a new language shows at the next one) and keeps its last
 * answer while neither the document nor the title has changed.
 */
export function quoteTitles(): (doc: PMNode, title: string) => DecorationSet {
  let last: { doc: PMNode; title: string; decorations: DecorationSet } | null = null
  return (doc, title) => {
    if (last?.doc === doc && last.title === title) return last.decorations
    const found: Decoration[] = []
    doc.descendants((node, pos) => {
      if (node.type.name !== ANNOTATION_QUOTE) return !node.isTextblock
      const id: unknown = node.attrs['annotationId']
      if (typeof id === 'string' && id !== '') {
        found.push(Decoration.node(pos, pos + node.nodeSize, { title }))
      }
      return false
    })
    last = { doc, title, decorations: DecorationSet.create(doc, found) }
    return last.decorations
  }
}
