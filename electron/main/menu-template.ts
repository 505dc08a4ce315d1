import nodePath from 'node:path'
import type { MenuCommand, PlainMenuCommand, ShellLanguage } from '../../src/core/ipc/contract'
import { LANGUAGE_NAMES, shellMessages } from './shell-messages'

/** What choosing a menu item does, when Electron's own role does not do it. */
export type MenuAction =
  { kind: 'renderer'; command: MenuCommand } | { kind: 'clear-recent-articles' }

/** The Electron roles the menu uses: each does its job natively, under our label. */
export type MenuRole =
  | 'close'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'windowMenu'

/**
 * One menu item as plain data, shaped like Electron's `MenuItemConstructorOptions` minus `click`:
 * `action` says what the click does, and `application-menu.ts` turns it into a handler.
 */
export interface MenuItemSpec {
  label?: string
  type?: 'normal' | 'separator' | 'radio'
  role?: MenuRole
  accelerator?: string
  enabled?: boolean
  checked?: boolean
  submenu?: MenuItemSpec[]
  action?: MenuAction
}

export interface MenuTemplateInput {
  language: ShellLanguage
  platform: NodeJS.Platform
  /** Recent article paths, most recent first. */
  recent: readonly string[]
}

/**
 * Keys chosen not to collide with the reader's own (Ctrl+Shift+H, Ctrl+Alt+M, Ctrl+Enter,
 * Alt+arrows, Ctrl+Z): on Windows and Linux a menu accelerator takes the key before the page.
 */
export const MENU_ACCELERATORS = {
  openArticle: 'CmdOrCtrl+O',
  close: 'CmdOrCtrl+W',
  quit: 'CmdOrCtrl+Q',
  textLarger: 'CmdOrCtrl+=',
  textSmaller: 'CmdOrCtrl+-',
  textReset: 'CmdOrCtrl+0',
  toggleTheme: 'CmdOrCtrl+Shift+D',
  outline: 'CmdOrCtrl+Shift+O',
  notebook: 'CmdOrCtrl+Shift+N',
  keyboardShortcuts: 'CmdOrCtrl+/',
} as const

const separator: MenuItemSpec = { type: 'separator' }

function command(label: string, name: PlainMenuCommand, accelerator?: string): MenuItemSpec {
  return {
    label,
    action: { kind: 'renderer', command: { command: name } },
    ...(accelerator ? { accelerator } : {}),
  }
}

/**
 * The application menu in the UI language: File, Edit, View, Seminar and Help (on macOS also the
 * app menu and Window, where the platform expects them).
 */
export function buildMenuTemplate({
  language,
  platform,
  recent,
}: MenuTemplateInput): MenuItemSpec[] {
  const m = shellMessages(language).menu
  const mac = platform === 'darwin'
  const onMac = (items: MenuItemSpec[]) => (mac ? items : [])
  const offMac = (items: MenuItemSpec[]) => (mac ? [] : items)
  const a = MENU_ACCELERATORS

  const appMenu: MenuItemSpec = {
    label: shellMessages(language).appName,
    submenu: [
      command(m.about, 'show-about'),
      separator,
      { role: 'services', label: m.services },
      separator,
      { role: 'hide', label: m.hide },
      { role: 'hideOthers', label: m.hideOthers },
      { role: 'unhide', label: m.showAll },
      separator,
      { role: 'quit', label: m.quit, accelerator: a.quit },
    ],
  }

  const file: MenuItemSpec = {
    label: m.file,
    submenu: [
      command(m.openArticle, 'open-article', a.openArticle),
      { label: m.recentArticles, submenu: recentSubmenu(recent, m) },
      separator,
      command(m.importAnnotations, 'import-annotations'),
      command(m.exportNotes, 'export-notes'),
      separator,
      { role: 'close', label: m.close, accelerator: a.close },
      ...offMac([separator, { role: 'quit', label: m.quit, accelerator: a.quit }]),
    ],
  }

  const edit: MenuItemSpec = {
    label: m.edit,
    submenu: [
      // Only macOS needs undo and redo in the menu for text fields to have them; elsewhere the
      // menu would take Ctrl+Z from the reader's own annotation undo.
      ...onMac([{ role: 'undo', label: m.undo }, { role: 'redo', label: m.redo }, separator]),
      { role: 'cut', label: m.cut },
      { role: 'copy', label: m.copy },
      { role: 'paste', label: m.paste },
      { role: 'selectAll', label: m.selectAll },
    ],
  }

  const view: MenuItemSpec = {
    label: m.view,
    submenu: [
      command(m.textLarger, 'zoom-in', a.textLarger),
      command(m.textSmaller, 'zoom-out', a.textSmaller),
      command(m.textReset, 'zoom-reset', a.textReset),
      separator,
      command(m.toggleTheme, 'toggle-theme', a.toggleTheme),
      {
        label: m.language,
        submenu: (['ar', 'en'] as const).map((choice) => ({
          label: LANGUAGE_NAMES[choice],
          type: 'radio' as const,
          checked: choice === language,
          action: { kind: 'renderer', command: { command: 'set-language', language: choice } },
        })),
      },
      separator,
      command(m.outline, 'toggle-outline', a.outline),
      command(m.notebook, 'toggle-notebook', a.notebook),
    ],
  }

  const seminar: MenuItemSpec = {
    label: m.seminar,
    submenu: [
      command(m.hostSeminar, 'host-seminar'),
      command(m.joinSeminar, 'join-seminar'),
      separator,
      command(m.leaveSeminar, 'leave-seminar'),
    ],
  }

  const help: MenuItemSpec = {
    label: m.help,
    submenu: [
      ...offMac([command(m.about, 'show-about'), separator]),
      command(m.keyboardShortcuts, 'show-keyboard-shortcuts', a.keyboardShortcuts),
    ],
  }

  return [
    ...onMac([appMenu]),
    file,
    edit,
    view,
    seminar,
    ...onMac([{ role: 'windowMenu', label: m.window }]),
    help,
  ]
}

function recentSubmenu(
  recent: readonly string[],
  m: ReturnType<typeof shellMessages>['menu'],
): MenuItemSpec[] {
  if (recent.length === 0) return [{ label: m.noRecentArticles, enabled: false }]
  return [
    ...recent.map((path): MenuItemSpec => ({
      label: recentLabel(path),
      action: { kind: 'renderer', command: { command: 'open-recent-article', path } },
    })),
    separator,
    { label: m.clearRecentArticles, action: { kind: 'clear-recent-articles' } },
  ]
}

/**
 * "name — folder", so two files of one name tell apart. `&` is doubled because Windows and Linux
 * menus read a single one as a keyboard mnemonic.
 */
export function recentLabel(path: string): string {
  const label = `${nodePath.basename(path)} — ${nodePath.dirname(path)}`
  return label.replaceAll('&', '&&')
}
