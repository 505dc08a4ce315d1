import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { requestExport, useExportAvailable } from '../export/export-requests'
import { FONT_SCALE, clampFontScale, updatePreferences, usePreferences } from '../state/preferences'

interface ReaderToolbarProps {
  outlineId: string
  onOpenArticle: () => void
  onShowShortcuts: () => void
  /** Opens the dialog that hosts a seminar on this computer. */
  onHostSeminar?: () => void
  /** Controls that only make sense with an article open (undo, edit), placed after "Open". */
  children?: ReactNode
}

/** Reading controls: open, outline, text size, theme and UI language, all keyboard-reachable. */
export function ReaderToolbar({
  outlineId,
  onOpenArticle,
  onShowShortcuts,
  onHostSeminar,
  children,
}: ReaderToolbarProps) {
  const { t } = useTranslation()
  const preferences = usePreferences()
  const canExport = useExportAvailable()
  const resize = (delta: number) =>
    updatePreferences({ fontScale: clampFontScale(preferences.fontScale + delta) })

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      <button type="button" className="tool" onClick={onOpenArticle}>
        {t('openArticle')}
      </button>
      {onHostSeminar && (
        <button type="button" className="tool" aria-haspopup="dialog" onClick={onHostSeminar}>
          {t('host_open')}
        </button>
      )}
      {children}
      <button
        type="button"
        className="tool"
        aria-haspopup="dialog"
        disabled={!canExport}
        onClick={() => requestExport('export')}
      >
        {t('export_open')}
      </button>
      <button
        type="button"
        className="tool"
        aria-expanded={preferences.outlineOpen}
        aria-controls={outlineId}
        onClick={() => updatePreferences({ outlineOpen: !preferences.outlineOpen })}
      >
        {preferences.outlineOpen ? t('hideOutline') : t('showOutline')}
      </button>
      <span className="tool-group">
        <button
          type="button"
          className="tool tool-icon"
          aria-label={t('textSmaller')}
          title={t('textSmaller')}
          disabled={preferences.fontScale <= FONT_SCALE.min}
          onClick={() => resize(-FONT_SCALE.step)}
        >
          <TextSizeIcon sign="minus" />
        </button>
        <output className="tool-value" aria-live="polite">
          {t('textSize', { percent: preferences.fontScale })}
        </output>
        <button
          type="button"
          className="tool tool-icon"
          aria-label={t('textLarger')}
          title={t('textLarger')}
          disabled={preferences.fontScale >= FONT_SCALE.max}
          onClick={() => resize(FONT_SCALE.step)}
        >
          <TextSizeIcon sign="plus" />
        </button>
      </span>
      <button
        type="button"
        className="tool"
        data-testid="theme-toggle"
        onClick={() =>
          updatePreferences({ theme: preferences.theme === 'dark' ? 'light' : 'dark' })
        }
      >
        {preferences.theme === 'dark' ? t('themeToLight') : t('themeToDark')}
      </button>
      <button
        type="button"
        className="tool"
        data-testid="language-toggle"
        lang={preferences.language === 'ar' ? 'en' : 'ar'}
        title={t('switchLanguageLabel')}
        onClick={() => updatePreferences({ language: preferences.language === 'ar' ? 'en' : 'ar' })}
      >
        {t('switchLanguage')}
      </button>
      <button
        type="button"
        className="tool tool-icon"
        aria-label={t('keyboardShortcuts')}
        title={t('keyboardShortcuts')}
        aria-keyshortcuts="Control+/"
        onClick={onShowShortcuts}
      >
        <span aria-hidden="true">?</span>
      </button>
    </div>
  )
}

/** A letter A with a minus or plus: drawn, so the button's spoken name is its label alone. */
function TextSizeIcon({ sign }: { sign: 'minus' | 'plus' }) {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="16" viewBox="0 0 20 16">
      <path
        d="M1.5 14 L6 2 L10.5 14 M3.2 9.5 H8.8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
      <path
        d={sign === 'plus' ? 'M12.5 8 H19 M15.75 4.75 V11.25' : 'M12.5 8 H19'}
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  )
}
