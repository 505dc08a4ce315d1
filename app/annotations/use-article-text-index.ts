import type { Editor } from '@tiptap/react'
import { useEffect, useMemo, useState } from 'react'
import { buildArticleTextIndex, type ArticleTextIndex } from '../../src/core/anchoring'
import type { PMNode } from '../../src/core/article/article-doc'

/** Counts document changes, so anchoring reruns after an edit of the article. */
function useDocVersion(editor: Editor | null): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (!editor) return
    let frame = 0
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setVersion((value) => value + 1))
    }
    editor.on('transaction', onTransaction)
    return () => {
      cancelAnimationFrame(frame)
      editor.off('transaction', onTransaction)
    }
  }, [editor])
  return version
}

/** The article's plain text and its positions, as the editor holds it now. */
export function useArticleTextIndex(editor: Editor | null): ArticleTextIndex | null {
  const docVersion = useDocVersion(editor)
  return useMemo(() => {
    if (!editor || editor.isDestroyed) return null
    // Re-read on every document change (docVersion), not only when the editor object changes.
    void docVersion
    return buildArticleTextIndex(editor.state.doc.toJSON() as PMNode)
  }, [editor, docVersion])
}
