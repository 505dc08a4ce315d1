import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useId, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { NOTEBOOK_FIELD } from '../../src/collab/annotation-session'
import { notebookExtensions } from '../../src/editor/notebook-extensions'

/** A notebook shared with others: its provider's awareness draws their carets. */
export interface NotebookPeers {
  provider: unknown
  /** The caret label of a peer, from the user the server stamped on their awareness. */
  labelOf: (user: Record<string, unknown>) => string
}

interface NotebookPanelProps {
  doc: Y.Doc
  title?: string
  peers?: NotebookPeers
  onEditor: (editor: Editor | null) => void
  /** Read when a quote is clicked or followed with Alt+Enter: scroll to its passage and flash it. */
  onQuoteClick: RefObject<(annotationId: string) => void>
}

/** The reader's study notebook, its own Yjs document (private), each paragraph in its own direction. */
export function NotebookPanel({ doc, title, peers, onEditor, onQuoteClick }: NotebookPanelProps) {
  const { t } = useTranslation()
  const id = useId()
  const editor = useEditor(
    {
      enableCoreExtensions: { textDirection: false },
      extensions: [
        ...notebookExtensions({
          placeholder: () => t('notebookPlaceholder'),
          onQuoteClick: (annotationId) => onQuoteClick.current(annotationId),
          followHint: () => t('notebookQuoteHint'),
        }),
        Collaboration.configure({ document: doc, field: NOTEBOOK_FIELD }),
        ...(peers
          ? [
              CollaborationCaret.configure({
                provider: peers.provider,
                render: (user) => caretElement(peers.labelOf(user), String(user['color'] ?? '')),
                // A class, not an inline style: the app's Content-Security-Policy forbids those.
                selectionRender: () => ({ class: 'collaboration-carets__selection' }),
              }),
            ]
          : []),
      ],
    },
    [doc, peers],
  )

  const label = title ?? t('notebook')
  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        attributes: {
          'data-testid': 'notebook',
          class: 'notebook-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': `${id}-title`,
        },
      },
    })
  }, [editor, label, id])

  useEffect(() => {
    onEditor(editor)
    return () => onEditor(null)
  }, [editor, onEditor])

  return (
    <section className="notebook-panel">
      <h2 id={`${id}-title`} className="panel-title">
        {label}
      </h2>
      <EditorContent editor={editor} />
    </section>
  )
}

/** A peer's caret: a coloured bar with their name, built with DOM calls (names are user text). */
function caretElement(name: string, color: string): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = color
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = color
  label.dir = 'auto'
  label.textContent = name
  caret.append(label)
  return caret
}
