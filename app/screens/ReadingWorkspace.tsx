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
import type { HighlightColor } from '../../src/core/annotations/annotation'
import { groupThreads } from '../../src/core/annotations/annotation-threads'
import { adjacentHighlightId } from '../../src/editor/annotation-highlights'
import { selectionRange, type SelectionRange } from '../../src/editor/selection-range'
import { AnnotationList } from '../annotations/AnnotationList'
import type { ComposerValue } from '../annotations/CommentComposer'
import { describeAnnotationError } from '../annotations/describe-annotation-error'
import type { HighlightActions } from '../annotations/HighlightCard'
import { MarginColumn } from '../annotations/MarginColumn'
import { NEW_COMMENT_ID, marginItems } from '../annotations/margin-items'
import { WorkspaceProblem } from '../annotations/workspace-problem'
import { NotebookPanel } from '../annotations/NotebookPanel'
import { SelectionMenu } from '../annotations/SelectionMenu'
import { useAnchoring, type Placement } from '../annotations/use-anchoring'
import { useAnnotationSession } from '../annotations/use-annotation-session'
import { useAnnotations } from '../annotations/use-annotations'
import { useArticleTextIndex } from '../annotations/use-article-text-index'
import { useFirstScreenPreview } from '../annotations/use-first-screen-preview'
import { DetachedReplies } from '../annotations/DetachedReplies'
import { ownHighlightOf } from '../annotations/existing-highlight'
import { useNotebookQuotes } from '../annotations/use-notebook-quotes'
import { useWorkspaceKeys } from '../annotations/use-workspace-keys'
import { WorkspaceControls } from '../annotations/WorkspaceControls'
import { ExportCenter } from '../export/ExportCenter'
import { ArticleView, type ArticleHandlers } from '../components/ArticleView'
import { Notice } from '../components/Notice'
import { Outline } from '../components/Outline'
import { SidePanelTabs } from '../components/SidePanelTabs'
import { directionOf } from '../i18n/ui-language'
import { useOutline } from '../reader/use-outline'
import { usePaintedAfter } from '../reader/use-painted-after'
import type { Identity } from '../state/identity'
import { updatePreferences, usePreferences } from '../state/preferences'
import { MembersPanel } from '../seminar/MembersPanel'
import { SeminarNotebooks } from '../seminar/SeminarNotebooks'
import { useNamedAnnotations, useSeminarWorkspace } from '../seminar/use-seminar-workspace'

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
  const textIndex = useArticleTextIndex(editor)
  const [sessionOpen, setSessionOpen] = useState(false)
  const firstScreen = useFirstScreenPreview(
    reading,
    identity.userId,
    editor,
    textIndex,
    sessionOpen,
  )
  const { session, error: sessionError } = useAnnotationSession(
    reading,
    identity,
    firstScreen.settled,
  )
  if (session !== null && !sessionOpen) setSessionOpen(true)
  const firstScreenPainted = usePaintedAfter(firstScreen.settled)
  const seminar = useSeminarWorkspace(reading, session, editor)
  const annotations = useNamedAnnotations(
    useAnnotations(session?.collection ?? firstScreen.collection),
    seminar.directory,
  )
  const outline = useOutline(editor)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [draft, setDraft] = useState<Placement | null>(null)
  const [editing, setEditing] = useState(false)
  // What the notice says, worded when shown (see describeAnnotationError).
  const [problem, setProblem] = useState<{ reason: unknown } | null>(null)
  const [sessionErrorSeen, setSessionErrorSeen] = useState(false)
  const [onlyAuthor, setOnlyAuthor] = useState<string | null>(null)
  const { setNotebook, quoteToNotebook } = useNotebookQuotes()

  const authors = useMemo(() => [...new Set(annotations.map((a) => a.author))], [annotations])
  const authorIndex = useCallback(
    (userId: string) => Math.max(0, authors.indexOf(userId)),
    [authors],
  )
  const anchoring = useAnchoring(editor, reading, textIndex, annotations, authorIndex)
  const { threads, orphanedReplies } = useMemo(() => groupThreads(annotations), [annotations])

  useEffect(() => {
    editor?.commands.setActiveAnnotation(activeId)
  }, [editor, activeId, anchoring])

  useEffect(() => {
    editor?.commands.setArticleEditing(editing)
  }, [editor, editing])

  const reportProblem = useCallback((reason: unknown) => setProblem({ reason }), [])

  // Until the reader's own documents have opened there is nothing to write an annotation into:
  // an action then says so, rather than doing nothing or blaming the selection.
  const notOpenYet = useCallback(
    (): unknown => sessionError ?? new WorkspaceProblem('annotationsNotReady'),
    [sessionError],
  )
  const annotationsOpening = session === null && sessionError === null
  const annotationsUnavailable =
    session !== null
      ? undefined
      : annotationsOpening
        ? t('annotationsLoading')
        : describeAnnotationError(t, sessionError)

  const activate = useCallback(
    (id: string | null, options: { scroll?: boolean } = {}) => {
      setActiveId(id)
      if (!id || !options.scroll) return
      const passage = editor?.view.dom.querySelector(`[data-annotation-id="${CSS.escape(id)}"]`)
      passage?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    },
    [editor],
  )

  // A card's buttons and composers go away under the keyboard (deleted, turned into a comment):
  // focus moves to the card, which is focusable, or to the article, never to the page.
  const focusCard = useCallback(
    (id: string) => {
      const card = document.querySelector<HTMLElement>(
        `[data-testid="comment-card"][data-annotation-id="${CSS.escape(id)}"]`,
      )
      if (card) card.focus({ preventScroll: true })
      else editor?.commands.focus(null, { scrollIntoView: false })
    },
    [editor],
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
      if (!session) {
        reportProblem(notOpenYet())
        return true
      }
      const anchor = anchorFor(selection)
      if (!anchor || !anchoring.index) {
        reportProblem(new WorkspaceProblem('selectFirst'))
        return true
      }
      try {
        if (color) updatePreferences({ highlightColor: color })
        const passage = {
          from: anchoring.index.positionAt(anchor.position.start),
          to: anchoring.index.positionAt(anchor.position.end),
        }
        const existing = ownHighlightOf(annotations, anchoring.placements, identity.userId, passage)
        if (existing) {
          if (color && color !== existing.color) session.store.edit(existing.id, { color })
          setActiveId(existing.id)
          return true
        }
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
    [
      session,
      notOpenYet,
      anchorFor,
      anchoring,
      annotations,
      identity.userId,
      reportProblem,
      preferences.highlightColor,
    ],
  )

  const startComment = useCallback(
    (selection: SelectionRange | null) => {
      if (!selection) {
        reportProblem(new WorkspaceProblem('selectFirst'))
        return true
      }
      setDraft(selection)
      setActiveId(NEW_COMMENT_ID)
      return true
    },
    [reportProblem],
  )

  // The article's shortcuts are bound once, with the editor; they read the latest handlers here.
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
        const id = editor ? adjacentHighlightId(editor.state, direction) : null
        if (id) activate(id, { scroll: true })
        return id !== null
      },
      activate: (id) => activate(id),
    }
  })

  const onQuoteClick = useRef<(annotationId: string) => void>(() => undefined)
  useLayoutEffect(() => {
    onQuoteClick.current = (annotationId) => activate(annotationId, { scroll: true })
  })

  const leave = useCallback(() => setActiveId(null), [])
  useWorkspaceKeys({
    editor,
    undo: session?.undo,
    editing,
    composing: draft !== null,
    onLeave: leave,
  })

  const store = session?.store
  const actions: HighlightActions = {
    isOwn: (annotation) => annotation.author === identity.userId,
    reply: (to, value) => store?.reply({ to, body: value.body, tags: value.tags }),
    edit: (annotation, value) => {
      store?.batch(() => {
        // Replies may be classmates', in documents the store does not hold: the thread knows.
        const hasReplies = threads.some(
          (thread) => thread.root.id === annotation.id && thread.replies.length > 0,
        )
        store.edit(annotation.id, { body: value.body, tags: value.tags }, { hasReplies })
        if (annotation.kind !== 'reply' && value.visibility !== annotation.visibility) {
          store.setVisibility(annotation.id, value.visibility)
        }
      })
      // A highlight given a comment leaves its card for a comment's, drawn on the next render.
      if (annotation.kind === 'highlight') requestAnimationFrame(() => focusCard(annotation.id))
    },
    remove: (annotation) => {
      try {
        store?.delete(annotation.id)
      } catch (reason) {
        reportProblem(reason)
        return
      }
      if (annotation.replyTo) focusCard(annotation.replyTo)
      else editor?.commands.focus(null, { scrollIntoView: false })
    },
    setResolved: (annotation, resolved) =>
      resolved ? store?.resolve(annotation.id) : store?.reopen(annotation.id),
    recolor: (annotation, color) => {
      updatePreferences({ highlightColor: color })
      store?.edit(annotation.id, { color })
    },
    quoteToNotebook,
    showPassage: (annotation) => activate(annotation.id, { scroll: true }),
  }

  const items = marginItems({
    threads,
    placements: anchoring.placements,
    activeId,
    activeHighlight: annotations.find((a) => a.id === activeId && a.kind === 'highlight'),
    draft,
    actions,
    activate,
    saveDraft: (value: ComposerValue) => {
      if (!store) throw notOpenYet()
      const anchor = anchorFor(draft)
      if (!anchor) throw new WorkspaceProblem('selectFirst')
      const made = store.createComment({ anchor, ...value, color: preferences.highlightColor })
      setDraft(null)
      setActiveId(made.id)
      // Back to the passage just commented on, as Escape does: reading goes on from there.
      editor?.commands.focus()
    },
    cancelDraft: () => {
      setDraft(null)
      setActiveId(null)
      editor?.commands.focus()
    },
  })

  const articleDir = reading.meta.article.language === 'ar' ? 'rtl' : 'ltr'

  return (
    <div className="app" data-outline-open={preferences.outlineOpen}>
      <a className="skip-link" href="#article-main">
        {t('skipToArticle')}
      </a>
      {header(
        <WorkspaceControls
          undo={session?.undo}
          canEditArticle={seminar.canEditArticle}
          editing={editing}
          onToggleEditing={() => setEditing(!editing)}
        />,
      )}
      {notice}
      <ExportCenter
        reading={reading}
        session={session}
        annotationsOpening={annotationsOpening}
        annotations={annotations}
        identity={identity}
        directory={seminar.directory}
        onShowPassage={(id) => activate(id, { scroll: true })}
      />
      {sessionError !== null && !sessionErrorSeen && (
        <Notice
          message={describeAnnotationError(t, sessionError)}
          onDismiss={() => setSessionErrorSeen(true)}
        />
      )}
      {problem !== null && (
        <Notice
          message={describeAnnotationError(t, problem.reason)}
          onDismiss={() => setProblem(null)}
        />
      )}
      {seminar.closed && (
        <p className="seminar-notice" role="status">
          {t('seminar_closed')}
        </p>
      )}
      {seminar.awaitingPost && (
        <p className="seminar-notice" role="status" data-testid="awaiting-post">
          {t('seminar_awaitingPost')}
        </p>
      )}
      {editing && (
        <p className="editing-notice" role="status">
          {t('editingNotice')}
        </p>
      )}
      <div className="reader">
        {preferences.outlineOpen && (
          <aside className="side-panel" id={sidePanelId}>
            <div className="side-panel-frame">
              <SidePanelTabs withMembers={seminar.directory !== null} />
              <div className="side-panel-content">
                {(preferences.sidePanel === 'outline' ||
                  (preferences.sidePanel === 'members' && !seminar.directory)) && (
                  <Outline editor={editor} entries={outline} />
                )}
                {preferences.sidePanel === 'annotations' && (
                  <AnnotationList
                    key={onlyAuthor ?? 'everyone'}
                    initialAuthors={onlyAuthor ? [onlyAuthor] : undefined}
                    colorOf={(userId) => seminar.directory?.roster.get(userId)?.color}
                    threads={threads}
                    orphans={anchoring.orphans}
                    unavailable={annotationsUnavailable}
                    activeId={activeId}
                    onSelect={(id) => activate(id, { scroll: true })}
                    detached={
                      orphanedReplies.length > 0 && (
                        <DetachedReplies
                          groups={orphanedReplies}
                          isOwn={actions.isOwn}
                          onDelete={actions.remove}
                        />
                      )
                    }
                  />
                )}
                {preferences.sidePanel === 'notebook' && annotationsUnavailable !== undefined && (
                  <section className="notebook-panel" aria-label={t('panelNotebook')}>
                    <p className="list-empty" role="status" data-testid="notebook-unavailable">
                      {annotationsUnavailable}
                    </p>
                  </section>
                )}
                {preferences.sidePanel === 'notebook' && session && (
                  <SeminarNotebooks session={session} directory={seminar.directory}>
                    {(notebook) => (
                      <NotebookPanel
                        key={notebook.key}
                        doc={notebook.doc}
                        title={notebook.title}
                        peers={notebook.peers}
                        onEditor={setNotebook}
                        onQuoteClick={onQuoteClick}
                      />
                    )}
                  </SeminarNotebooks>
                )}
                {preferences.sidePanel === 'members' && seminar.directory && (
                  <MembersPanel
                    directory={seminar.directory}
                    me={identity.userId}
                    onShowAnnotationsOf={(userId) => {
                      setOnlyAuthor(userId)
                      updatePreferences({ sidePanel: 'annotations' })
                    }}
                  />
                )}
              </div>
            </div>
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
                layOutWhole={firstScreenPainted}
                renderSelectionMenu={(articleEditor, element) => (
                  <SelectionMenu
                    element={element}
                    onHighlight={(color) => highlight(selectionRange(articleEditor.state), color)}
                    onComment={() => startComment(selectionRange(articleEditor.state))}
                  />
                )}
              />
            </div>
            <div className="margin-slot" dir={directionOf(preferences.language)}>
              {editor && (
                <MarginColumn
                  editor={editor}
                  items={items}
                  activeId={activeId}
                  layoutKey={`${preferences.fontScale}:${preferences.outlineOpen}:${preferences.sidePanel}:${editing}:${firstScreenPainted}`}
                />
              )}
            </div>
          </div>
        </main>
      </div>
    </div>
  )
}
