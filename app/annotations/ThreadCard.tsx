import { forwardRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Annotation } from '../../src/core/annotations/annotation'
import type { AnnotationThread } from '../../src/core/annotations/annotation-threads'
import { writtenAt } from '../i18n/time-format'
import { CommentComposer, type ComposerValue } from './CommentComposer'
import { MarkdownBody } from './MarkdownBody'
import { useFocusReturn } from './use-focus-return'

export interface ThreadActions {
  isOwn(annotation: Annotation): boolean
  reply(to: Annotation, value: ComposerValue): void
  edit(annotation: Annotation, value: ComposerValue): void
  remove(annotation: Annotation): void
  setResolved(annotation: Annotation, resolved: boolean): void
  quoteToNotebook(annotation: Annotation): void
  showPassage(annotation: Annotation): void
}

interface ThreadCardProps {
  thread: AnnotationThread
  active: boolean
  actions: ThreadActions
  onActivate: () => void
  style?: React.CSSProperties
}

/** A margin card: the comment, its replies, and what the reader may do with them. */
export const ThreadCard = forwardRef<HTMLElement, ThreadCardProps>(function ThreadCard(
  { thread, active, actions, onActivate, style },
  ref,
) {
  const { t } = useTranslation()
  const [replying, setReplying] = useState(false)
  const replyButton = useFocusReturn<HTMLButtonElement>(replying)
  const { root, replies } = thread
  const resolved = root.resolved === true

  return (
    <article
      ref={ref}
      className="thread-card"
      data-testid="comment-card"
      data-annotation-id={root.id}
      data-active={active || undefined}
      data-resolved={resolved || undefined}
      aria-label={t('threadOf', { name: root.authorName })}
      tabIndex={-1}
      style={style}
      onFocus={onActivate}
      onClick={onActivate}
    >
      <AnnotationEntry annotation={root} actions={actions} />
      {replies.length > 0 && (
        <ol className="thread-replies" aria-label={t('repliesCount', { count: replies.length })}>
          {replies.map((reply) => (
            <li key={reply.id}>
              <AnnotationEntry annotation={reply} actions={actions} />
            </li>
          ))}
        </ol>
      )}
      {replying ? (
        <CommentComposer
          mode="reply"
          onSave={(value) => {
            actions.reply(root, value)
            setReplying(false)
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="card-actions">
          <button
            ref={replyButton}
            type="button"
            className="link-button"
            onClick={() => setReplying(true)}
          >
            {t('reply')}
          </button>
          {actions.isOwn(root) && (
            <button
              type="button"
              className="link-button"
              onClick={() => actions.setResolved(root, !resolved)}
            >
              {resolved ? t('reopen') : t('resolve')}
            </button>
          )}
          <button
            type="button"
            className="link-button"
            onClick={() => actions.quoteToNotebook(root)}
          >
            {t('quoteToNotebook')}
          </button>
        </div>
      )}
    </article>
  )
})

/** One comment or reply: who, when, tags, body; edit and delete when it is the reader's own. */
function AnnotationEntry({
  annotation,
  actions,
}: {
  annotation: Annotation
  actions: ThreadActions
}) {
  const { t, i18n } = useTranslation()
  const [editing, setEditing] = useState(false)
  const editButton = useFocusReturn<HTMLButtonElement>(editing)
  const own = actions.isOwn(annotation)

  if (editing) {
    return (
      <CommentComposer
        mode="edit"
        withVisibility={annotation.kind !== 'reply'}
        initial={{
          body: annotation.body,
          tags: annotation.tags,
          visibility: annotation.visibility,
        }}
        onSave={(value) => {
          actions.edit(annotation, value)
          setEditing(false)
        }}
        onCancel={() => setEditing(false)}
      />
    )
  }
  return (
    <div className="annotation-entry" data-kind={annotation.kind}>
      <header className="entry-header">
        <span className="entry-author" dir="auto">
          {annotation.authorName}
        </span>
        <time className="entry-time" dateTime={annotation.createdAt}>
          {writtenAt(i18n.language, annotation.createdAt)}
        </time>
        {annotation.kind !== 'reply' && (
          <span className="badge">{t(`visibility_${annotation.visibility}`)}</span>
        )}
        {annotation.resolved === true && <span className="badge">{t('resolved')}</span>}
      </header>
      {annotation.tags.length > 0 && (
        <ul className="entry-tags">
          {annotation.tags.map((tag) => (
            <li key={tag} className="chip chip-static" dir="auto">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      {annotation.body !== '' && <MarkdownBody source={annotation.body} />}
      {own && (
        <div className="card-actions">
          <button
            ref={editButton}
            type="button"
            className="link-button"
            onClick={() => setEditing(true)}
          >
            {t('edit')}
          </button>
          <button
            type="button"
            className="link-button"
            // Deleting is undoable (Undo, Ctrl+Z), so it asks for no confirmation.
            onClick={() => actions.remove(annotation)}
          >
            {t('delete')}
          </button>
        </div>
      )}
    </div>
  )
}
