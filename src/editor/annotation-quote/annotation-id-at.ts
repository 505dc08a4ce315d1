import type { EditorState } from '@tiptap/pm/state'

export const ANNOTATION_QUOTE = 'annotationQuote'

/** The annotation a notebook quote at `pos` links to, or null when `pos` is in no linked quote. */
export function annotationIdAt(state: EditorState, pos: number): string | null {
  if (!Number.isInteger(pos) || pos < 0 || pos > state.doc.content.size) return null
  const $pos = state.doc.resolve(pos)
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (node.type.name !== ANNOTATION_QUOTE) continue
    const id: unknown = node.attrs['annotationId']
    return typeof id === 'string' && id !== '' ? id : null
  }
  return null
}
