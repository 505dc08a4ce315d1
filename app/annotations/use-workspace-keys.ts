import type { Editor } from '@tiptap/react'
import { useEffect } from 'react'
import type { AnnotationUndo } from '../../src/core/annotations/annotation-undo'

interface WorkspaceKeys {
  editor: Editor | null
  undo: AnnotationUndo | undefined
  /** While the article is edited, Ctrl+Z belongs to the text, not to the annotations. */
  editing: boolean
  /** While a new comment is being written, Escape belongs to its composer. */
  composing: boolean
  onLeave: () => void
}

/** Keys that act on the whole workspace: annotation undo/redo in the article, Escape to leave. */
export function useWorkspaceKeys({ editor, undo, editing, composing, onLeave }: WorkspaceKeys) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const inArticle = event.target instanceof Node && editor?.view.dom.contains(event.target)
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        if (editing || !undo || !inArticle) return
        event.preventDefault()
        if (event.shiftKey) undo.redo()
        else undo.undo()
      } else if (event.key === 'Escape' && !composing) {
        if (event.target instanceof Element && event.target.closest('[data-testid="composer"]'))
          return
        onLeave()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [editor, undo, editing, composing, onLeave])
}
