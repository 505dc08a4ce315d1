import type { Editor } from '@tiptap/react'
import { useEffect } from 'react'
import type { AnnotationUndo } from '../../src/core/annotations/annotation-undo'
import { shortcutKey } from '../platform/shortcut-key'

interface WorkspaceKeys {
  editor: Editor | null
  undo: AnnotationUndo | undefined
  /** While the article is edited, Ctrl+Z belongs to the text, not to the annotations. */
  editing: boolean
  /** While a new comment is being written, Escape belongs to its composer. */
  composing: boolean
  onLeave: () => void
}

/**
 * Whether Ctrl+Z pressed here belongs to something else: a text field or the notebook undo their
 * own typing, and a dialog is about its own task. Anywhere else (the article, a card's buttons,
 * the page itself once a card is gone) it undoes the reader's last annotation action.
 */
function keepsItsOwnUndo(target: EventTarget | null, article: HTMLElement | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (article?.contains(target)) return false
  if (target.closest('dialog, [role="dialog"]')) return true
  return target.isContentEditable || target.matches('input, textarea, select')
}

/**
 * Keys that act on the whole workspace: annotation undo (Ctrl+Z) and redo (Ctrl+Shift+Z, or
 * Ctrl+Y as on Windows), Escape to leave.
 */
export function useWorkspaceKeys({ editor, undo, editing, composing, onLeave }: WorkspaceKeys) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.ctrlKey || event.metaKey ? shortcutKey(event) : null
      if (key === 'z' || (key === 'y' && !event.shiftKey)) {
        if (editing || !undo || keepsItsOwnUndo(event.target, editor?.view.dom)) return
        event.preventDefault()
        if (key === 'y' || event.shiftKey) undo.redo()
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
