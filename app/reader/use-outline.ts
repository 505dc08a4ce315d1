import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'

export interface OutlineEntry {
  level: number
  text: string
  /** Document position of the heading, to find its DOM node. */
  pos: number
  isTitle: boolean
}

function readOutline(editor: Editor): OutlineEntry[] {
  const entries: OutlineEntry[] = []
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name !== 'heading') return
    entries.push({
      level: Number(node.attrs['level']) || 1,
      text: node.textContent,
      pos: offset,
      isTitle: node.attrs['role'] === 'title',
    })
  })
  return entries
}

/** The article's headings, kept current as the document arrives and changes. */
export function useOutline(editor: Editor | null): OutlineEntry[] {
  const [entries, setEntries] = useState<OutlineEntry[]>([])
  useEffect(() => {
    if (!editor) return
    const refresh = () => setEntries(readOutline(editor))
    refresh()
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) refresh()
    }
    editor.on('transaction', onTransaction)
    return () => {
      editor.off('transaction', onTransaction)
    }
  }, [editor])
  return entries
}
