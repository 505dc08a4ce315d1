import { keydownHandler } from '@tiptap/pm/keymap'
import { Plugin } from '@tiptap/pm/state'
import { selectionRange, type SelectionRange } from '../selection-range'
import { highlightIdAt } from './highlight-lookup'
import {
  annotationHighlightsKey,
  applyHighlightsTransaction,
  drawnHighlights,
  emptyHighlightsState,
  type HighlightsState,
} from './highlights-state'
import { ProgressiveDrawing } from './progressive-drawing'

export interface AnnotationHighlightsCallbacks {
  /** A click on highlighted text; the innermost highlight where several overlap. */
  onAnnotationClick?: (id: string) => void
  /** `Mod-Shift-h`. Return true when handled; the selection is null when nothing is selected. */
  onHighlightShortcut?: (selection: SelectionRange | null) => boolean
  /** `Mod-Alt-m`. Return true when handled. */
  onCommentShortcut?: (selection: SelectionRange | null) => boolean
  /** `Alt-ArrowDown` (1) and `Alt-ArrowUp` (-1). Return true when handled. */
  onNextAnnotation?: (direction: 1 | -1) => boolean
}

export const ANNOTATION_SHORTCUTS = {
  highlight: 'Mod-Shift-h',
  comment: 'Mod-Alt-m',
  next: 'Alt-ArrowDown',
  previous: 'Alt-ArrowUp',
} as const

export function annotationHighlightsPlugin(
  callbacks: AnnotationHighlightsCallbacks,
): Plugin<HighlightsState> {
  const handleShortcut = keydownHandler({
    [ANNOTATION_SHORTCUTS.highlight]: (state) =>
      callbacks.onHighlightShortcut?.(selectionRange(state)) ?? false,
    [ANNOTATION_SHORTCUTS.comment]: (state) =>
      callbacks.onCommentShortcut?.(selectionRange(state)) ?? false,
    [ANNOTATION_SHORTCUTS.next]: () => callbacks.onNextAnnotation?.(1) ?? false,
    [ANNOTATION_SHORTCUTS.previous]: () => callbacks.onNextAnnotation?.(-1) ?? false,
  })

  return new Plugin<HighlightsState>({
    key: annotationHighlightsKey,
    view: (view) => new ProgressiveDrawing(view),
    state: {
      init: () => emptyHighlightsState,
      apply: applyHighlightsTransaction,
    },
    props: {
      decorations: drawnHighlights,
      handleClick: (view, pos, event) => {
        // Shift-click extends the selection; it is not a request to open a comment.
        if (!callbacks.onAnnotationClick || event.shiftKey || event.button !== 0) return false
        const id = highlightIdAt(view.state, pos)
        if (id !== null) callbacks.onAnnotationClick(id)
        // Left unhandled so the caret still lands where the reader clicked.
        return false
      },
      handleDOMEvents: {
        // A DOM handler rather than a keymap: ProseMirror runs keymaps only while the view is
        // editable, and the reader's article is not.
        keydown: (view, event) => {
          if (!handleShortcut(view, event)) return false
          event.preventDefault()
          return true
        },
      },
    },
  })
}
