import { forwardRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type HighlightColor,
} from '../../src/core/annotations/annotation'
import { CommentComposer } from './CommentComposer'
import type { ThreadActions } from './ThreadCard'
import { useFocusReturn } from './use-focus-return'

/** What can be done with a thread, plus changing a highlight's colour. */
export interface HighlightActions extends ThreadActions {
  recolor(annotation: Annotation, color: HighlightColor): void
}

interface HighlightCardProps {
  annotation: Annotation
  actions: HighlightActions
  style?: React.CSSProperties
}

/**
 * Shown beside the active highlight (highlights have no card otherwise, so the margin stays
 * for comments): change its colour, turn it into a comment, quote it, or delete it.
 */
export const HighlightCard = forwardRef<HTMLElement, HighlightCardProps>(function HighlightCard(
  { annotation, actions, style },
  ref,
) {
  const { t } = useTranslation()
  const [commenting, setCommenting] = useState(false)
  const commentButton = useFocusReturn<HTMLButtonElement>(commenting)
  const own = actions.isOwn(annotation)
  return (
    <section
      ref={ref}
      style={style}
      className="thread-card highlight-card"
      data-testid="highlight-card"
      data-annotation-id={annotation.id}
      data-active
      aria-label={t('highlight')}
    >
      {commenting ? (
        <CommentComposer
          mode="edit"
          withVisibility
          initial={{ body: '', tags: annotation.tags, visibility: annotation.visibility }}
          onSave={(value) => {
            actions.edit(annotation, value)
            setCommenting(false)
          }}
          onCancel={() => setCommenting(false)}
        />
      ) : (
        <>
          {own && (
            <div className="facet" role="group" aria-label={t('filterColor')}>
              {HIGHLIGHT_COLORS.map((color) => (
                <button
                  key={color}
                  type="button"
                  className={`swatch swatch-${color}`}
                  aria-pressed={annotation.color === color}
                  aria-label={t('highlightIn', { color: t(`color_${color}`) })}
                  onClick={() => actions.recolor(annotation, color)}
                />
              ))}
            </div>
          )}
          <div className="card-actions">
            {own && (
              <button
                ref={commentButton}
                type="button"
                className="link-button"
                onClick={() => setCommenting(true)}
              >
                {t('comment')}
              </button>
            )}
            <button
              type="button"
              className="link-button"
              onClick={() => actions.quoteToNotebook(annotation)}
            >
              {t('quoteToNotebook')}
            </button>
            {own && (
              <button
                type="button"
                className="link-button"
                onClick={() => actions.remove(annotation)}
              >
                {t('delete')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  )
})
