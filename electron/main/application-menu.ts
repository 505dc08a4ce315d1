import type { Menu, MenuItemConstructorOptions } from 'electron'
import type { MenuAction, MenuItemSpec } from './menu-template'

/** Turns the plain menu template into Electron's, each `action` becoming a click handler. */
export function toElectronTemplate(
  items: readonly MenuItemSpec[],
  dispatch: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  return items.map(({ action, submenu, ...item }) => ({
    ...item,
    ...(submenu ? { submenu: toElectronTemplate(submenu, dispatch) } : {}),
    ...(action ? { click: () => dispatch(action) } : {}),
  }))
}

export function installApplicationMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  items: readonly MenuItemSpec[],
  dispatch: (action: MenuAction) => void,
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(toElectronTemplate(items, dispatch)))
}
