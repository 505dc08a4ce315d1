import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalReading } from '../../src/collab/local-reading'
import { ARTICLE_FIELD } from '../../src/collab/article-seed'
import { articleExtensions } from '../../src/editor/article-extensions'
import { ArticleEditing } from '../../src/editor/article-editing'
import { AnnotationHighlights } from '../../src/editor/annotation-highlights'
import type { SelectionRange } from '../../src/editor/selection-range'
import {
  createSelectionMenuElement,
  selectionMenuExtension,
} from '../annotations/selection-menu-extension'

/** The hidden element that names the folded publisher notice for screen readers. */
const FRONT_MATTER_LABEL_ID = 'front-matter-label'

/** What the article's keyboard shortcuts and clicks on highlights do; read when they happen. */
export interface ArticleHandlers {
  highlight(selection: SelectionRange | null): boolean
  comment(selection: SelectionRange | null): boolean
  next(direction: 1 | -1): boolean
  activate(id: string): void
}

interface ArticleViewProps {
  reading: LocalReading
  handlers: RefObject<ArticleHandlers>
  onEditor: (editor: Editor | null) => void
  /** The menu shown over a selected passage, rendered into `element` (which the editor places). */
  renderSelectionMenu: (editor: Editor, element: HTMLElement) => ReactNode
  /**
   * False until the reader's first screen has been drawn: until then only the blocks in view
   * are laid out (see `.first-screen-only` in article.css).
   */
  layOutWhole: boolean
}

function articleAttributes(language: string, label: string): Record<string, string> {
  return {
    'data-testid': 'article',
    class: 'article-text',
    lang: language,
    dir: language === 'ar' ? 'rtl' : 'ltr',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
  }
}

/**
 * The article, bound to its Yjs document. Read-only unless "edit article" is on, but always
 * focusable and selectable with the keyboard, so a passage can be annotated without a mouse.
 */
export function ArticleView({
  reading,
  handlers,
  onEditor,
  renderSelectionMenu,
  layOutWhole,
}: ArticleViewProps) {
  const { t } = useTranslation()
  const [selectionMenu] = useState(createSelectionMenuElement)
  const language = reading.meta.article.language
  const label = t('articleLabel')
  const attributes = useMemo(() => articleAttributes(language, label), [language, label])
  const editor = useEditor(
    {
      // TextDirection is part of articleExtensions(), so the seeding schema has it too.
      enableCoreExtensions: { textDirection: false },
      // From the start, not set after mounting: a later `dir` or `lang` restyles every block,
      // and ProseMirror then lays the whole article out again while it syncs the selection.
      editorProps: { attributes },
      extensions: [
        ...articleExtensions({ frontMatterLabelledBy: FRONT_MATTER_LABEL_ID }),
        Collaboration.configure({ document: reading.doc, field: ARTICLE_FIELD }),
        ArticleEditing,
        AnnotationHighlights.configure({
          onAnnotationClick: (id) => handlers.current.activate(id),
          onHighlightShortcut: (selection) => handlers.current.highlight(selection),
          onCommentShortcut: (selection) => handlers.current.comment(selection),
          onNextAnnotation: (direction) => handlers.current.next(direction),
        }),
        selectionMenuExtension(selectionMenu),
      ],
    },
    [reading],
  )

  // Only a change after creation (the UI language's label) is applied here.
  useEffect(() => {
    if (editor && editor.options.editorProps.attributes !== attributes) {
      editor.setOptions({ editorProps: { attributes } })
    }
  }, [editor, attributes])

  useEffect(() => {
    onEditor(editor)
    return () => onEditor(null)
  }, [editor, onEditor])

  return (
    <>
      <span id={FRONT_MATTER_LABEL_ID} hidden>
        {t('frontMatterLabel')}
      </span>
      <EditorContent
        editor={editor}
        className={layOutWhole ? 'article-column' : 'article-column first-screen-only'}
      />
      {editor && renderSelectionMenu(editor, selectionMenu)}
    </>
  )
}
