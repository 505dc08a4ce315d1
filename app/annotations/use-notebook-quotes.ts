import type { Editor } from '@tiptap/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Annotation } from '../../src/core/annotations/annotation'
import { updatePreferences } from '../state/preferences'

function insertQuote(notebook: Editor, annotation: Annotation): void {
  const quote = annotation.anchor?.quote.exact
  if (!quote) return
  notebook.chain().insertAnnotationQuote({ annotationId: annotation.id, text: quote }).focus().run()
}

/**
 * "Quote to notebook": opens the notebook panel and inserts the passage there, waiting for the
 * notebook's editor when the panel was closed.
 */
export function useNotebookQuotes() {
  const [notebook, setNotebook] = useState<Editor | null>(null)
  const pending = useRef<Annotation | null>(null)

  useEffect(() => {
    if (notebook && pending.current) {
      insertQuote(notebook, pending.current)
      pending.current = null
    }
  }, [notebook])

  const quoteToNotebook = useCallback(
    (annotation: Annotation) => {
      updatePreferences({ outlineOpen: true, sidePanel: 'notebook' })
      if (notebook) insertQuote(notebook, annotation)
      else pending.current = annotation
    },
    [notebook],
  )

  return { setNotebook, quoteToNotebook }
}
