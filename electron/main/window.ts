import { BrowserWindow, nativeTheme } from 'electron'
import { APP_START_URL } from './app-origin'
import { MIN_WINDOW_SIZE, currentWindowState } from './window-state'
import type { WindowPlacement, WindowState } from './window-state'

/** Paper or night, after the system theme, so the frame before the renderer paints does not flash. */
const BACKGROUND_COLOR = { light: '#faf8f3', dark: '#1b1a18' } as const

export function createMainWindow(preloadPath: string, placement: WindowPlacement): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Hamish',
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors
      ? BACKGROUND_COLOR.dark
      : BACKGROUND_COLOR.light,
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
      // A middle click on a link would open it in a new window; there are none to open.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  return window
}

/** How long the window must rest before its new size or position is written down. */
const SAVE_DELAY_MS = 500

/**
 * Remembers where the window is: shortly after it stops moving or resizing, and when it closes
 * (synchronously, so the last placement is written before the app quits).
 */
export function rememberWindowState(
  window: BrowserWindow,
  save: (state: WindowState) => void,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (!window.isDestroyed()) save(currentWindowState(window))
    }, SAVE_DELAY_MS)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('maximize', saveSoon)
  window.on('unmaximize', saveSoon)
  window.on('close', () => {
    clearTimeout(timer)
    save(currentWindowState(window))
  })
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
