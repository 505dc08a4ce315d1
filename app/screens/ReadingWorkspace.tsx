import type { Editor } from '@tiptap/react'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalReading } from '../../src/collab/local-reading'
import { createAnchor } from '../../src/core/anchoring'
import type { Annotation, HighlightColor } from '../../src/core/annotations/annotation'
import { groupThreads } from '../../src/core/annotations/annotation-threads'
import { adjacentHighlightId } from '../../src/editor/annotation-highlights'
import { selectionRange, type SelectionRange } from '../../src/editor/selection-range'
import { AnnotationList } from '../annotations/AnnotationList'
import { CommentComposer } from '../annotations/CommentComposer'
import { HighlightCard } from '../annotations/HighlightCard'
import { describeAnnotationError } from '../annotations/describe-annotation-error'
import { MarginColumn, type MarginItem } from '../annotations/MarginColumn'
import { NotebookPanel } from '../annotations/NotebookPanel'
import { SelectionMenu } from '../annotations/SelectionMenu'
import { ThreadCard, type ThreadActions } from '../annotations/ThreadCard'
import { useAnchoring, type Placement } from '../annotations/use-anchoring'
import { useAnnotationSession } from '../annotations/use-annotation-session'
import { useAnnotations, useSubscription } from '../annotations/use-annotations'
import { ArticleView, type ArticleHandlers } from '../components/ArticleView'
import { Notice } from '../components/Notice'
import { Outline } from '../components/Outline'
import { SidePanelTabs } from '../components/SidePanelTabs'
import { useOutline } from '../reader/use-outline'
import { directionOf } from '../i18n/ui-language'
import type { Identity } from '../state/identity'
import { updatePreferences, usePreferences } from '../state/preferences'

const NEW_COMMENT_ID = 'new-comment'

interface ReadingWorkspaceProps {
  reading: LocalReading
  identity: Identity
  /** Renders the app header around the workspace's own toolbar controls. */
  header: (controls: ReactNode) => ReactNode
  notice: ReactNode
  sidePanelId: string
}

/** The open article with everything written about it: highlights, margin, list and notebook. */
export function ReadingWorkspace({
  reading,
  identity,
  header,
  notice,
  sidePanelId,
}: ReadingWorkspaceProps) {
  const { t } = useTranslation()
  const preferences = usePreferences()
  const [editor, setEditor] = useState<Editor | null>(null)
  const [notebookEditor, setNotebookEditor] = useState<Editor | null>(null)
  const { session, error: sessionError } = useAnnotationSession(reading, identity)
  const annotations = useAnnotations(session?.collection ?? null)
  useSubscription(session ? (listener) => session.undo.subscribe(listener) : null)
  const outline = useOutline(editor)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [draft, setDraft] = useState<Placement | null>(null)
  const [editing, setEditing] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const pendingQuote = useRef<Annotation | null>(null)

  const authors = useMemo(() => [...new Set(annotations.map((a) => a.author))], [annotations])
  const authorIndex = useCallback(
    (userId: string) => Math.max(0, authors.indexOf(userId)),
    [authors],
  )
  const anchoring = useAnchoring(editor, reading, annotations, authorIndex)
  const { threads } = useMemo(() => groupThreads(annotations), [annotations])

  useEffect(() => {
    editor?.commands.setActiveAnnotation(activeId)
  }, [editor, activeId, anchoring])

  useEffect(() => {
    editor?.commands.setArticleEditing(editing)
  }, [editor, editing])

  const reportProblem = useCallback(
    (reason: unknown) => setProblem(describeAnnotationError(t, reason)),
    [t],
  )

  const scrollToPassage = useCallback(
    (id: string) => {
      const element = editor?.view.dom.querySelector(`[data-annotation-id="${CSS.escape(id)}"]`)
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    },
    [editor],
  )

  const activate = useCallback(
    (id: string | null, options: { scroll?: boolean } = {}) => {
      setActiveId(id)
      if (id && options.scroll) scrollToPassage(id)
    },
    [scrollToPassage],
  )

  const anchorFor = useCallback(
    (selection: SelectionRange | null) => {
      if (!selection || !anchoring.index) return null
      return createAnchor({
        fragment: reading.fragment,
        index: anchoring.index,
        articleHash: reading.meta.contentHash,
        from: selection.from,
        to: selection.to,
      })
    },
    [anchoring.index, reading],
  )

  const highlight = useCallback(
    (selection: SelectionRange | null, color?: HighlightColor) => {
      if (!session) return false
      const anchor = anchorFor(selection)
      if (!anchor) {
        setProblem(t('selectFirst'))
        return true
      }
      try {
        if (color) updatePreferences({ highlightColor: color })
        const made = session.store.createHighlight({
          anchor,
          visibility: 'class',
          color: color ?? preferences.highlightColor,
        })
        setActiveId(made.id)
      } catch (reason) {
        reportProblem(reason)
      }
      return true
    },
    [session, anchorFor, reportProblem, t, preferences.highlightColor],
  )

  const startComment = useCallback(
    (selection: SelectionRange | null) => {
      if (!selection) {
        setProblem(t('selectFirst'))
        return true
      }
      setDraft(selection)
      setActiveId(NEW_COMMENT_ID)
      return true
    },
    [t],
  )

  const handlers = useRef<ArticleHandlers>({
    highlight: () => false,
    comment: () => false,
    next: () => false,
    activate: () => undefined,
  })
  useLayoutEffect(() => {
    handlers.current = {
      highlight: (selection) => highlight(selection),
      comment: (selection) => startComment(selection),
      next: (direction) => {
        if (!editor) return false
        const id = adjacentHighlightId(editor.state, direction)
        if (id) activate(id, { scroll: true })
        return id !== null
      },
      activate: (id) => activate(id),
    }
  })

  const quoteIntoNotebook = useCallback((target: Editor, annotation: Annotation) => {
    const quote = annotation.anchor?.quote.exact
    if (!quote) return
    target.chain().insertAnnotationQuote({ annotationId: annotation.id, text: quote }).focus().run()
  }, [])

  useEffect(() => {
    if (notebookEditor && pendingQuote.current) {
      quoteIntoNotebook(notebookEditor, pendingQuote.current)
      pendingQuote.current = null
    }
  }, [notebookEditor, quoteIntoNotebook])

  const onQuoteClick = useRef<(annotationId: string) => void>(() => undefined)
  useLayoutEffect(() => {
    onQuoteClick.current = (annotationId) => activate(annotationId, { scroll: true })
  })

  const actions: ThreadActions & { recolor(annotation: Annotation, color: HighlightColor): void } =
    {
      recolor: (annotation, color) => {
        updatePreferences({ highlightColor: color })
        session?.store.edit(annotation.id, { color })
      },
      isOwn: (annotation) => annotation.author === identity.userId,
      reply: (to, value) => session?.store.reply({ to, body: value.body, tags: value.tags }),
      edit: (annotation, value) => {
        if (!session) return
        session.store.batch(() => {
          session.store.edit(annotation.id, { body: value.body, tags: value.tags })
          if (annotation.kind !== 'reply' && value.visibility !== annotation.visibility) {
            session.store.setVisibility(annotation.id, value.visibility)
          }
        })
      },
      remove: (annotation) => {
        try {
          session?.store.delete(annotation.id)
        } catch (reason) {
          reportProblem(reason)
        }
      },
      setResolved: (annotation, resolved) =>
        resolved ? session?.store.resolve(annotation.id) : session?.store.reopen(annotation.id),
      quoteToNotebook: (annotation) => {
        updatePreferences({ outlineOpen: true, sidePanel: 'notebook' })
        if (notebookEditor) quoteIntoNotebook(notebookEditor, annotation)
        else pendingQuote.current = annotation
      },
      showPassage: (annotation) => activate(annotation.id, { scroll: true }),
    }

  const marginItems: MarginItem[] = threads.flatMap((thread): MarginItem[] => {
    const placement = anchoring.placements.get(thread.root.id)
    if (thread.root.kind !== 'comment' || !placement) return []
    return [
      {
        id: thread.root.id,
        placement,
        render: (ref, style) => (
          <ThreadCard
            key={thread.root.id}
            ref={ref}
            style={style}
            thread={thread}
            active={activeId === thread.root.id}
            actions={actions}
            onActivate={() => activeId !== thread.root.id && activate(thread.root.id)}
          />
        ),
      },
    ]
  })
  const activeHighlight = annotations.find(
    (annotation) => annotation.id === activeId && annotation.kind === 'highlight',
  )
  const activePlacement = activeHighlight && anchoring.placements.get(activeHighlight.id)
  if (activeHighlight && activePlacement) {
    marginItems.push({
      id: activeHighlight.id,
      placement: activePlacement,
      render: (ref, style) => (
        <HighlightCard
          key={activeHighlight.id}
          ref={ref}
          style={style}
          annotation={activeHighlight}
          actions={actions}
        />
      ),
    })
  }
  if (draft) {
    marginItems.push({
      id: NEW_COMMENT_ID,
      placement: draft,
      render: (ref, style) => (
        <div key={NEW_COMMENT_ID} ref={ref} style={style} className="thread-card" data-active>
          <CommentComposer
            mode="comment"
            onSave={(value) => {
              const anchor = anchorFor(draft)
              if (!session || !anchor) throw new Error(t('selectFirst'))
              const made = session.store.createComment({
                anchor,
                ...value,
                color: preferences.highlightColor,
              })
              setDraft(null)
              setActiveId(made.id)
            }}
            onCancel={() => {
              setDraft(null)
              setActiveId(null)
              editor?.commands.focus()
            }}
          />
        </div>
      ),
    })
  }

  const undo = session?.undo
  const controls = (
    <>
      <button
        type="button"
        className="tool"
        aria-keyshortcuts="Control+Z"
        disabled={!undo?.canUndo()}
        onClick={() => undo?.undo()}
      >
        {t('undo')}
      </button>
      <button
        type="button"
        className="tool"
        aria-keyshortcuts="Control+Shift+Z"
        disabled={!undo?.canRedo()}
        onClick={() => undo?.redo()}
      >
        {t('redo')}
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={editing}
        data-testid="edit-article"
        onClick={() => setEditing(!editing)}
      >
        {editing ? t('doneEditing') : t('editArticle')}
      </button>
    </>
  )

  useEffect(() => {
    // Ctrl/⌘+Z in the read-only article undoes annotation actions; while editing, the text's own.
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        editing ||
        !session ||
        !(event.ctrlKey || event.metaKey) ||
        event.key.toLowerCase() !== 'z'
      )
        return
      if (!(event.target instanceof Node) || !editor?.view.dom.contains(event.target)) return
      event.preventDefault()
      if (event.shiftKey) session.undo.redo()
      else session.undo.undo()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [editor, editing, session])

  useEffect(() => {
    // Escape leaves the active annotation (a composer handles its own Escape first).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || draft) return
      if (event.target instanceof Element && event.target.closest('[data-testid="composer"]'))
        return
      setActiveId(null)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [draft])

  const articleDir = reading.meta.article.language === 'ar' ? 'rtl' : 'ltr'

  return (
    <div className="app" data-outline-open={preferences.outlineOpen}>
      <a className="skip-link" href="#article-main">
        {t('skipToArticle')}
      </a>
      {header(controls)}
      {notice}
      {sessionError !== null && (
        <Notice message={describeAnnotationError(t, sessionError)} onDismiss={() => undefined} />
      )}
      {problem !== null && <Notice message={problem} onDismiss={() => setProblem(null)} />}
      {editing && (
        <p className="editing-notice" role="status">
          {t('editingNotice')}
        </p>
      )}
      <div className="reader">
        {preferences.outlineOpen && (
          <aside className="side-panel" id={sidePanelId}>
            <SidePanelTabs />
            {preferences.sidePanel === 'outline' && <Outline editor={editor} entries={outline} />}
            {preferences.sidePanel === 'annotations' && (
              <AnnotationList
                threads={threads}
                orphans={anchoring.orphans}
                activeId={activeId}
                onSelect={(id) => activate(id, { scroll: true })}
              />
            )}
            {preferences.sidePanel === 'notebook' && session && (
              <NotebookPanel
                doc={session.notebookDoc}
                onEditor={setNotebookEditor}
                onQuoteClick={onQuoteClick}
              />
            )}
          </aside>
        )}
        <main id="article-main" className="reading-area" tabIndex={-1}>
          <div className="article-with-margin" dir={articleDir}>
            <div className="article-slot">
              <ArticleView
                key={reading.docName}
                reading={reading}
                handlers={handlers}
                onEditor={setEditor}
              />
            </div>
            <div className="margin-slot" dir={directionOf(preferences.language)}>
              {editor && (
                <MarginColumn
                  editor={editor}
                  items={marginItems}
                  activeId={activeId}
                  layoutKey={`${preferences.fontScale}:${preferences.outlineOpen}:${preferences.sidePanel}:${editing}`}
                />
              )}
            </div>
          </div>
          {editor && session && (
            <SelectionMenu
              editor={editor}
              onHighlight={(color) => highlight(selectionRange(editor.state), color)}
              onComment={() => startComment(selectionRange(editor.state))}
            />
          )}
        </main>
      </div>
    </div>
  )
}
