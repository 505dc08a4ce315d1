import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { updatePreferences, usePreferences, type SidePanel } from '../state/preferences'

const PANELS: readonly SidePanel[] = ['outline', 'annotations', 'notebook']
const SEMINAR_PANELS: readonly SidePanel[] = [...PANELS, 'members']
const LABEL = {
  outline: 'panelOutline',
  annotations: 'panelAnnotations',
  notebook: 'panelNotebook',
  members: 'seminar_members',
} as const

/**
 * Switches the side panel between outline, annotation list and notebook (and, in a seminar, its
 * members); arrow keys move along.
 */
export function SidePanelTabs({ withMembers }: { withMembers: boolean }) {
  const { t } = useTranslation()
  const panels = withMembers ? SEMINAR_PANELS : PANELS
  const preferences = usePreferences()
  const { language } = preferences
  // The members panel chosen in a seminar falls back to the outline when reading alone.
  const sidePanel = panels.includes(preferences.sidePanel) ? preferences.sidePanel : 'outline'
  const buttons = useRef(new Map<SidePanel, HTMLButtonElement>())

  const onKeyDown = (event: KeyboardEvent) => {
    const forward = language === 'ar' ? 'ArrowLeft' : 'ArrowRight'
    const backward = language === 'ar' ? 'ArrowRight' : 'ArrowLeft'
    if (event.key !== forward && event.key !== backward) return
    event.preventDefault()
    const step = event.key === forward ? 1 : -1
    const next = panels[(panels.indexOf(sidePanel) + step + panels.length) % panels.length]!
    updatePreferences({ sidePanel: next })
    buttons.current.get(next)?.focus()
  }

  return (
    <div className="panel-tabs" role="tablist" aria-label={t('sidePanels')} onKeyDown={onKeyDown}>
      {panels.map((panel) => (
        <button
          key={panel}
          ref={(element) => {
            if (element) buttons.current.set(panel, element)
          }}
          type="button"
          role="tab"
          className="panel-tab"
          aria-selected={sidePanel === panel}
          tabIndex={sidePanel === panel ? 0 : -1}
          data-testid={`tab-${panel}`}
          onClick={() => updatePreferences({ sidePanel: panel })}
        >
          {t(LABEL[panel])}
        </button>
      ))}
    </div>
  )
}
