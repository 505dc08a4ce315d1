import { useTranslation } from 'react-i18next'
import type { Annotation } from '../../src/core/annotations/annotation'
import type { OrphanedReplies } from '../../src/core/annotations/annotation-threads'
import { plainBodyOf } from '../../src/core/annotations/comment-plain-text'

interface DetachedRepliesProps {
  groups: readonly OrphanedReplies[]
  isOwn: (annotation: Annotation) => boolean
  onDelete: (annotation: Annotation) => void
}

/**
 * Replies whose comment is gone (deleted, or not shared with this reader): they have no card to
 * sit on, so the list keeps them, to be read and, for the reader's own, deleted.
 */
export function DetachedReplies({ groups, isOwn, onDelete }: DetachedRepliesProps) {
  const { t } = useTranslation()
  if (groups.length === 0) return null
  return (
    <section className="orphans" data-testid="detached-replies">
      <h3 className="panel-subtitle">{t('detachedReplies')}</h3>
      <p className="list-hint">{t('detachedRepliesHint')}</p>
      <ol className="list-items">
        {groups.flatMap(({ replies }) =>
          replies.map((reply) => (
            <li key={reply.id} className="list-entry" data-annotation-id={reply.id}>
              <p dir="auto">{plainBodyOf(reply)}</p>
              <span className="list-meta">
                <span dir="auto">{reply.authorName}</span> · {t('kindSingular_reply')}
              </span>
              {isOwn(reply) && (
                <button type="button" className="link-button" onClick={() => onDelete(reply)}>
                  {t('delete')}
                </button>
              )}
            </li>
          )),
        )}
      </ol>
    </section>
  )
}
