import { useTranslation } from 'react-i18next'
import type { AnnotationUndo } from '../../src/core/annotations/annotation-undo'
import { useSubscription } from './use-annotations'

interface WorkspaceControlsProps {
  undo: AnnotationUndo | undefined
  /** False where the reader may not change the article (a student in a seminar). */
  canEditArticle: boolean
  editing: boolean
  onToggleEditing: () => void
}

/** The toolbar controls that need an open article: undo, redo, and the edit-article switch. */
export function WorkspaceControls({
  undo,
  canEditArticle,
  editing,
  onToggleEditing,
}: WorkspaceControlsProps) {
  const { t } = useTranslation()
  useSubscription(undo ? (listener) => undo.subscribe(listener) : null)
  return (
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
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        disabled={!undo?.canRedo()}
        onClick={() => undo?.redo()}
      >
        {t('redo')}
      </button>
      {canEditArticle && (
        <button
          type="button"
          className="tool"
          aria-pressed={editing}
          data-testid="edit-article"
          onClick={onToggleEditing}
        >
          {editing ? t('doneEditing') : t('editArticle')}
        </button>
      )}
    </>
  )
}
