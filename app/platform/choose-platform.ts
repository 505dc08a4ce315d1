import type { DesktopShellBridge } from '../../src/core/ipc/bridge'
import type { Platform } from '../../src/core/platform'
import { browserPlatform } from './browser-platform'
import { electronPlatform } from './electron-platform'

export interface Host {
  platform: Platform
  /** The desktop shell's extras (menu, language, dropped files, progress); null in a browser. */
  shell: DesktopShellBridge | null
}

let chosen: Host | undefined

/**
 * Electron's preload exposes `window.hamish`; anywhere else this is a browser tab. One host per
 * window: every caller gets the same one (the browser's keeps the seminars it hosts).
 */
export function chooseHost(): Host {
  const bridge = window.hamish
  chosen ??= bridge
    ? { platform: electronPlatform(bridge), shell: bridge }
    : { platform: browserPlatform(), shell: null }
  return chosen
}
