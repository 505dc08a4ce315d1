import type { Editor } from '@tiptap/react'
import { BubbleMenu } from '@tiptap/react/menus'
import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../src/core/annotations/annotation'
import { selectionRange } from '../../src/editor/selection-range'

interface SelectionMenuProps {
  editor: Editor
  onHighlight: (color: HighlightColor) => void
  onComment: () => void
}

type ShouldShow = NonNullable<ComponentProps<typeof BubbleMenu>['shouldShow']>

/**
 * The reader is read-only outside edit mode, yet a selection there is exactly what we annotate.
 * One function for good: a new one on each render makes the menu dispatch an options update,
 * and a dispatch can undo a selection the editor has not read yet.
 */
const showOverSelection: ShouldShow = ({ state, view, element }) =>
  selectionRange(state) !== null && (view.hasFocus() || element.contains(document.activeElement))

/** Appears over a selected passage: highlight it in a colour, or comment on it. */
export function SelectionMenu({ editor, onHighlight, onComment }: SelectionMenuProps) {
  const { t } = useTranslation()
  return (
    <BubbleMenu
      editor={editor}
      shouldShow={showOverSelection}
      className="selection-menu"
      role="toolbar"
      aria-label={t('selectionActions')}
      data-testid="selection-menu"
    >
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          aria-label={t('highlightIn', { color: t(`color_${color}`) })}
          title={t('highlightIn', { color: t(`color_${color}`) })}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onHighlight(color)}
        />
      ))}
      <button
        type="button"
        className="tool"
        aria-keyshortcuts="Control+Alt+M"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onComment}
      >
        {t('comment')}
      </button>
    </BubbleMenu>
  )
}
