import { describe, expect, it } from 'vitest'
import { PLAIN_MENU_COMMANDS } from '../../src/core/ipc/contract'
import type { ShellLanguage } from '../../src/core/ipc/contract'
import { MENU_ACCELERATORS, buildMenuTemplate, recentLabel } from './menu-template'
import type { MenuItemSpec } from './menu-template'
import { LANGUAGE_NAMES } from './shell-messages'

const RECENT = ['/home/r/papers/paper.md', '/home/r/مقالات/أطروحة.pdf']
const LANGUAGES: ShellLanguage[] = ['ar', 'en']
const PLATFORMS: NodeJS.Platform[] = ['linux', 'win32', 'darwin']

function allItems(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...allItems(item.submenu ?? [])])
}

function commandOf(item: MenuItemSpec): string | undefined {
  return item.action?.kind === 'renderer' ? item.action.command.command : undefined
}

function menu(language: ShellLanguage, platform: NodeJS.Platform, recent = RECENT) {
  return buildMenuTemplate({ language, platform, recent })
}

describe('buildMenuTemplate', () => {
  it.each(LANGUAGES.flatMap((language) => PLATFORMS.map((platform) => [language, platform])))(
    'labels every item (%s, %s)',
    (language, platform) => {
      for (const item of allItems(menu(language as ShellLanguage, platform as NodeJS.Platform))) {
        if (item.type === 'separator') continue
        expect(item.label?.trim(), JSON.stringify(item)).toBeTruthy()
      }
    },
  )

  it('has File, Edit, View, Seminar and Help in each language', () => {
    expect(menu('en', 'linux').map((item) => item.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Seminar',
      'Help',
    ])
    expect(menu('ar', 'linux').map((item) => item.label)).toEqual([
      'ملف',
      'تحرير',
      'عرض',
      'الحلقة الدراسية',
      'مساعدة',
    ])
  })

  it.each([
    ['en', ['Host a Seminar on This Computer…', 'Join a Seminar…', 'Leave the Seminar']],
    ['ar', ['استضِف حلقة دراسية على هذا الحاسوب…', 'انضمّ إلى حلقة دراسية…', 'غادِر الحلقة الدراسية']],
  ] as const)('has the Seminar menu in %s: host, join, leave', (language, labels) => {
    for (const platform of PLATFORMS) {
      const seminar = menu(language, platform).find((item) =>
        item.submenu?.some((child) => commandOf(child) === 'host-seminar'),
      )
      const items = (seminar?.submenu ?? []).filter((item) => item.type !== 'separator')
      expect(items.map((item) => item.label)).toEqual(labels)
      expect(items.map(commandOf)).toEqual(['host-seminar', 'join-seminar', 'leave-seminar'])
    }
  })

  it('leaves no English in the Arabic menu but file names and the name of English itself', () => {
    for (const platform of PLATFORMS) {
      const labels = allItems(menu('ar', platform))
        .filter((item) => item.type !== 'separator' && commandOf(item) !== 'open-recent-article')
        .map((item) => item.label ?? '')
        .filter((label) => label !== LANGUAGE_NAMES.en)
      expect(labels.filter((label) => /[A-Za-z]/.test(label))).toEqual([])
      expect(labels.length).toBeGreaterThan(20)
    }
  })

  it('offers every renderer command exactly once, with its accelerator', () => {
    for (const language of LANGUAGES) {
      for (const platform of PLATFORMS) {
        const items = allItems(menu(language, platform))
        const commands = items.map(commandOf).filter((command) => command !== undefined)
        for (const command of PLAIN_MENU_COMMANDS) {
          expect(commands.filter((found) => found === command)).toHaveLength(1)
        }
        const accelerator = (command: string) =>
          items.find((item) => commandOf(item) === command)?.accelerator
        expect(accelerator('open-article')).toBe(MENU_ACCELERATORS.openArticle)
        expect(accelerator('zoom-in')).toBe('CmdOrCtrl+=')
        expect(accelerator('zoom-out')).toBe('CmdOrCtrl+-')
        expect(accelerator('zoom-reset')).toBe('CmdOrCtrl+0')
        expect(accelerator('toggle-theme')).toBe(MENU_ACCELERATORS.toggleTheme)
        expect(accelerator('toggle-outline')).toBe(MENU_ACCELERATORS.outline)
        expect(accelerator('toggle-notebook')).toBe(MENU_ACCELERATORS.notebook)
        expect(accelerator('show-keyboard-shortcuts')).toBe(MENU_ACCELERATORS.keyboardShortcuts)
        expect(items.find((item) => item.role === 'close')?.accelerator).toBe('CmdOrCtrl+W')
      }
    }
  })

  it('never binds a key twice, nor a key the reader uses itself', () => {
    for (const platform of PLATFORMS) {
      const keys = allItems(menu('en', platform)).flatMap((item) =>
        item.accelerator ? [item.accelerator] : [],
      )
      expect(new Set(keys).size).toBe(keys.length)
      for (const readerKey of ['CmdOrCtrl+Shift+H', 'CmdOrCtrl+Alt+M', 'CmdOrCtrl+Enter']) {
        expect(keys).not.toContain(readerKey)
      }
    }
    // Ctrl+Z is the reader's annotation undo on Windows and Linux, where the menu would take it.
    expect(allItems(menu('en', 'linux')).some((item) => item.role === 'undo')).toBe(false)
    expect(allItems(menu('en', 'darwin')).some((item) => item.role === 'undo')).toBe(true)
  })

  it('has the same items in both languages, only the words (and the ticked language) differ', () => {
    const shape = (items: readonly MenuItemSpec[]): unknown =>
      items.map(({ label: _label, checked: _checked, submenu, ...item }) => ({
        ...item,
        ...(submenu ? { submenu: shape(submenu) } : {}),
      }))
    for (const platform of PLATFORMS) {
      expect(shape(menu('ar', platform))).toEqual(shape(menu('en', platform)))
    }
  })

  it('lists recent articles most recent first, each opening its own path', () => {
    const file = menu('en', 'linux')[0]
    const recent = file?.submenu?.find((item) => item.label === 'Recent Articles')?.submenu ?? []
    expect(recent.map((item) => [item.label, item.action])).toEqual([
      [
        'paper.md — /home/r/papers',
        { kind: 'renderer', command: { command: 'open-recent-article', path: RECENT[0] } },
      ],
      [
        'أطروحة.pdf — /home/r/مقالات',
        { kind: 'renderer', command: { command: 'open-recent-article', path: RECENT[1] } },
      ],
      [undefined, undefined],
      ['Clear Recent Articles', { kind: 'clear-recent-articles' }],
    ])
  })

  it('says so when there are no recent articles', () => {
    const file = menu('ar', 'win32', [])[0]
    const recent = file?.submenu?.find((item) => item.label === 'المقالات الأخيرة')?.submenu
    expect(recent).toEqual([{ label: 'لا مقالات أخيرة', enabled: false }])
  })

  it('ticks the current language, each named in its own script', () => {
    for (const language of LANGUAGES) {
      const choices = allItems(menu(language, 'linux')).filter((item) => item.type === 'radio')
      expect(choices.map((item) => [item.label, item.checked])).toEqual([
        ['العربية', language === 'ar'],
        ['English', language === 'en'],
      ])
    }
  })

  it('follows macOS: the app menu holds About and Quit, and a Window menu', () => {
    const mac = menu('ar', 'darwin')
    expect(mac.map((item) => item.label)).toEqual([
      'هامش',
      'ملف',
      'تحرير',
      'عرض',
      'الحلقة الدراسية',
      'نافذة',
      'مساعدة',
    ])
    expect(commandOf(mac[0]?.submenu?.[0] ?? {})).toBe('show-about')
    expect(mac[0]?.submenu?.some((item) => item.role === 'quit')).toBe(true)
    expect(mac[1]?.submenu?.some((item) => item.role === 'quit')).toBe(false)
    expect(mac[6]?.submenu?.some((item) => commandOf(item) === 'show-about')).toBe(false)
    expect(menu('en', 'linux')[0]?.submenu?.at(-1)?.role).toBe('quit')
  })
})

describe('recentLabel', () => {
  it('doubles ampersands, which Windows and Linux read as mnemonics', () => {
    expect(recentLabel('/home/r/Q&A/notes & quotes.md')).toBe('notes && quotes.md — /home/r/Q&&A')
  })
})
