import { useLayoutEffect } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../src/core/annotations/annotation'

interface SelectionMenuProps {
  /** The element the article editor's selection-menu extension shows and places. */
  element: HTMLElement
  onHighlight: (color: HighlightColor) => void
  onComment: () => void
}

/** Appears over a selected passage: highlight it in a colour, or comment on it. */
export function SelectionMenu({ element, onHighlight, onComment }: SelectionMenuProps) {
  const { t } = useTranslation()
  const label = t('selectionActions')
  useLayoutEffect(() => element.setAttribute('aria-label', label), [element, label])
  return createPortal(
    <>
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
    </>,
    element,
  )
}
