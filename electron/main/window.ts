import { BrowserWindow, nativeTheme } from 'electron'
import { APP_START_URL } from './app-origin'

/** Paper or night, after the system theme, so the frame before the renderer paints does not flash. */
const BACKGROUND_COLOR = { light: '#faf8f3', dark: '#1b1a18' } as const

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Hamish',
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors
      ? BACKGROUND_COLOR.dark
      : BACKGROUND_COLOR.light,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  return window
}

export function loadApp(window: BrowserWindow): Promise<void> {
  return window.loadURL(APP_START_URL)
}

/** Brings the window forward when the user starts Hamish again while it runs. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
