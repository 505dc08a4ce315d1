import type { Annotation } from '../../src/core/annotations/annotation'
import type { AnnotationThread } from '../../src/core/annotations/annotation-threads'
import { estimateCardHeight } from '../../src/core/margin/estimate-card-height'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { CardFailed } from './CardFailed'
import { CommentComposer, type ComposerValue } from './CommentComposer'
import { HighlightCard, type HighlightActions } from './HighlightCard'
import type { MarginItem } from './MarginColumn'
import { ThreadCard } from './ThreadCard'
import type { Placement } from './use-anchoring'

export const NEW_COMMENT_ID = 'new-comment'

/** Guesses until measured: a highlight's card (swatches and actions) and the composer. */
const HIGHLIGHT_CARD_HEIGHT = 90
const COMPOSER_CARD_HEIGHT = 260

function estimateThreadHeight(thread: AnnotationThread): number {
  const entries = [thread.root, ...thread.replies]
  return estimateCardHeight({
    bodyLengths: entries.map((entry) => entry.body.length),
    taggedEntries: entries.filter((entry) => entry.tags.length > 0).length,
  })
}

interface MarginContent {
  threads: readonly AnnotationThread[]
  placements: ReadonlyMap<string, Placement>
  activeId: string | null
  /** The active annotation when it is a highlight: it gets a card while active. */
  activeHighlight: Annotation | undefined
  /** Where a new comment is being written, if one is. */
  draft: Placement | null
  actions: HighlightActions
  activate: (id: string) => void
  saveDraft: (value: ComposerValue) => void
  cancelDraft: () => void
}

/**
 * A thread worth a card of its own: a comment's, or a highlight's that replies hang off (an
 * import may bring one, and a classmate's reply may arrive after a comment was emptied).
 */
function hasDiscussion(thread: AnnotationThread): boolean {
  return thread.root.kind === 'comment' || thread.replies.length > 0
}

/**
 * What the margin shows: a card per anchored thread with a discussion, the active highlight's,
 * the draft.
 */
export function marginItems(content: MarginContent): MarginItem[] {
  const { threads, placements, activeId, draft, actions } = content
  const items: MarginItem[] = threads.flatMap((thread): MarginItem[] => {
    const placement = placements.get(thread.root.id)
    if (!hasDiscussion(thread) || !placement) return []
    const id = thread.root.id
    return [
      {
        id,
        placement,
        estimatedHeight: estimateThreadHeight(thread),
        render: (ref, style) => (
          <ErrorBoundary
            key={id}
            fallback={(error) => <CardFailed ref={ref} style={style} error={error} />}
          >
            <ThreadCard
              ref={ref}
              style={style}
              thread={thread}
              active={activeId === id}
              actions={actions}
              onActivate={() => activeId !== id && content.activate(id)}
            />
          </ErrorBoundary>
        ),
      },
    ]
  })
  // A highlight with replies already has its thread's card.
  const activeHighlight =
    content.activeHighlight &&
    !threads.some(
      (thread) => thread.root.id === content.activeHighlight?.id && hasDiscussion(thread),
    )
      ? content.activeHighlight
      : undefined
  const highlightPlacement = activeHighlight && placements.get(activeHighlight.id)
  if (activeHighlight && highlightPlacement) {
    items.push({
      id: activeHighlight.id,
      placement: highlightPlacement,
      estimatedHeight: HIGHLIGHT_CARD_HEIGHT,
      render: (ref, style) => (
        <ErrorBoundary
          key={activeHighlight.id}
          fallback={(error) => <CardFailed ref={ref} style={style} error={error} />}
        >
          <HighlightCard ref={ref} style={style} annotation={activeHighlight} actions={actions} />
        </ErrorBoundary>
      ),
    })
  }
  if (draft) {
    items.push({
      id: NEW_COMMENT_ID,
      placement: draft,
      estimatedHeight: COMPOSER_CARD_HEIGHT,
      render: (ref, style) => (
        <div key={NEW_COMMENT_ID} ref={ref} style={style} className="thread-card" data-active>
          <CommentComposer
            mode="comment"
            onSave={content.saveDraft}
            onCancel={content.cancelDraft}
          />
        </div>
      ),
    })
  }
  return items
}
