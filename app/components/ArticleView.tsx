import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalReading } from '../../src/collab/local-reading'
import { ARTICLE_FIELD } from '../../src/collab/article-seed'
import { articleExtensions } from '../../src/editor/article-extensions'

/** The hidden element that names the folded publisher notice for screen readers. */
const FRONT_MATTER_LABEL_ID = 'front-matter-label'

interface ArticleViewProps {
  reading: LocalReading
  onEditor: (editor: Editor | null) => void
}

/** The article, read-only for now, bound to its Yjs document so later work can anchor into it. */
export function ArticleView({ reading, onEditor }: ArticleViewProps) {
  const { t } = useTranslation()
  const language = reading.meta.article.language
  const editor = useEditor(
    {
      editable: false,
      // TextDirection is part of articleExtensions(), so the seeding schema has it too.
      enableCoreExtensions: { textDirection: false },
      extensions: [
        ...articleExtensions({ frontMatterLabelledBy: FRONT_MATTER_LABEL_ID }),
        Collaboration.configure({ document: reading.doc, field: ARTICLE_FIELD }),
      ],
    },
    [reading],
  )

  const label = t('articleLabel')
  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        attributes: {
          'data-testid': 'article',
          class: 'article-text',
          lang: language,
          dir: language === 'ar' ? 'rtl' : 'ltr',
          role: 'document',
          'aria-label': label,
        },
      },
    })
  }, [editor, language, label])

  useEffect(() => {
    onEditor(editor)
    return () => onEditor(null)
  }, [editor, onEditor])

  return (
    <>
      <span id={FRONT_MATTER_LABEL_ID} hidden>
        {t('frontMatterLabel')}
      </span>
      <EditorContent editor={editor} className="article-column" />
    </>
  )
}
