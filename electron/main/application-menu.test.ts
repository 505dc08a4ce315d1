import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { installApplicationMenu, toElectronTemplate } from './application-menu'
import { buildMenuTemplate } from './menu-template'
import type { MenuAction } from './menu-template'

describe('toElectronTemplate', () => {
  it('turns each action into a click that dispatches it, keeping everything else', () => {
    const dispatched: MenuAction[] = []
    const template = toElectronTemplate(
      buildMenuTemplate({ language: 'en', platform: 'linux', recent: ['/home/r/a.md'] }),
      (action) => dispatched.push(action),
    )
    const file = template[0]?.submenu as MenuItemConstructorOptions[]
    const open = file[0] as MenuItemConstructorOptions
    expect(open).toMatchObject({ label: 'Open Article…', accelerator: 'CmdOrCtrl+O' })
    expect(open).not.toHaveProperty('action')
    const recent = (file[1]?.submenu as MenuItemConstructorOptions[])[0]
    const click = (item: MenuItemConstructorOptions | undefined) =>
      (item?.click as (() => void) | undefined)?.()
    click(open)
    click(recent)
    expect(dispatched).toEqual([
      { kind: 'renderer', command: { command: 'open-article' } },
      { kind: 'renderer', command: { command: 'open-recent-article', path: '/home/r/a.md' } },
    ])
    // Role items keep their role and get no click of ours.
    const close = file.find((item) => item.role === 'close')
    expect(close?.click).toBeUndefined()
  })
})

describe('installApplicationMenu', () => {
  it('builds the menu from the converted template and sets it', () => {
    const built: unknown[] = []
    const set: unknown[] = []
    installApplicationMenu(
      {
        buildFromTemplate: (template) => {
          built.push(template)
          return 'menu' as never
        },
        setApplicationMenu: (menu) => void set.push(menu),
      },
      [{ label: 'File', submenu: [{ label: 'Open', action: { kind: 'clear-recent-articles' } }] }],
      () => {},
    )
    expect(set).toEqual(['menu'])
    expect(JSON.stringify(built)).toBe('[[{"label":"File","submenu":[{"label":"Open"}]}]]')
  })
})
