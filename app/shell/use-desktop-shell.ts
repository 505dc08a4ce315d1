import { useEffect, useState } from 'react'
import type { DesktopShellBridge } from '../../src/core/ipc/bridge'
import type { ImportProgress, MenuCommand } from '../../src/core/ipc/contract'
import type { OpenedArticle } from '../../src/core/platform'
import {
  FONT_SCALE,
  clampFontScale,
  getPreferences,
  updatePreferences,
  usePreferences,
} from '../state/preferences'
import { requestExport } from '../export/export-requests'
import type { HelpTopic } from './HelpDialog'

interface ShellActions {
  openArticle: () => void
  open: (source: () => Promise<OpenedArticle | null>) => void
  showHelp: (topic: HelpTopic) => void
  /** The Seminar menu: Host a seminar on this computer…, Join a seminar…, Leave. */
  hostSeminar?: () => void
  joinSeminar?: () => void
  leaveSeminar?: () => void
}

/** What a menu command does in the renderer; most are preference changes. */
export function runMenuCommand(
  command: MenuCommand,
  shell: DesktopShellBridge,
  actions: ShellActions,
): void {
  const preferences = getPreferences()
  const togglePanel = (panel: 'outline' | 'notebook') =>
    updatePreferences(
      preferences.outlineOpen && preferences.sidePanel === panel
        ? { outlineOpen: false }
        : { outlineOpen: true, sidePanel: panel },
    )
  switch (command.command) {
    case 'open-article':
      return actions.openArticle()
    case 'open-recent-article':
      return actions.open(() => shell.openRecentArticle(command.path))
    case 'zoom-in':
      return updatePreferences({
        fontScale: clampFontScale(preferences.fontScale + FONT_SCALE.step),
      })
    case 'zoom-out':
      return updatePreferences({
        fontScale: clampFontScale(preferences.fontScale - FONT_SCALE.step),
      })
    case 'zoom-reset':
      return updatePreferences({ fontScale: 100 })
    case 'toggle-theme':
      return updatePreferences({ theme: preferences.theme === 'dark' ? 'light' : 'dark' })
    case 'toggle-outline':
      return togglePanel('outline')
    case 'toggle-notebook':
      return togglePanel('notebook')
    case 'set-language':
      return updatePreferences({ language: command.language })
    case 'show-about':
      return actions.showHelp('about')
    case 'show-keyboard-shortcuts':
      return actions.showHelp('shortcuts')
    case 'host-seminar':
      return actions.hostSeminar?.()
    case 'join-seminar':
      return actions.joinSeminar?.()
    case 'leave-seminar':
      return actions.leaveSeminar?.()
    case 'export-notes':
      return requestExport('export')
    case 'import-annotations':
      return requestExport('import')
  }
}

/**
 * Connects the renderer to the desktop shell: the menu's commands, the UI language the menu
 * should speak, and the progress of long imports. Does nothing in a browser (no shell).
 */
export function useDesktopShell(shell: DesktopShellBridge | null, actions: ShellActions) {
  const { language } = usePreferences()
  const [progress, setProgress] = useState<ImportProgress | null>(null)

  useEffect(() => {
    void shell?.setUiLanguage(language).catch(() => undefined)
  }, [shell, language])

  useEffect(() => {
    if (!shell) return
    return shell.onMenuCommand((command) => runMenuCommand(command, shell, actions))
  }, [shell, actions])

  useEffect(() => {
    if (!shell) return
    return shell.onImportProgress((next) => setProgress(next.done < next.total ? next : null))
  }, [shell])

  return { progress }
}
