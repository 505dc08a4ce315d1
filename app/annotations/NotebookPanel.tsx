import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useId, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { NOTEBOOK_FIELD } from '../../src/collab/annotation-session'
import { notebookExtensions } from '../../src/editor/notebook-extensions'

interface NotebookPanelProps {
  doc: Y.Doc
  onEditor: (editor: Editor | null) => void
  /** Read when a quote is clicked: scroll to its passage and flash it. */
  onQuoteClick: RefObject<(annotationId: string) => void>
}

/** The reader's study notebook, its own Yjs document (private), each paragraph in its own direction. */
export function NotebookPanel({ doc, onEditor, onQuoteClick }: NotebookPanelProps) {
  const { t } = useTranslation()
  const id = useId()
  const editor = useEditor(
    {
      enableCoreExtensions: { textDirection: false },
      extensions: [
        ...notebookExtensions({
          placeholder: () => t('notebookPlaceholder'),
          onQuoteClick: (annotationId) => onQuoteClick.current(annotationId),
        }),
        Collaboration.configure({ document: doc, field: NOTEBOOK_FIELD }),
      ],
    },
    [doc],
  )

  const label = t('notebook')
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
