import type { Platform } from '../../src/core/platform'
import { browserPlatform } from './browser-platform'
import { electronPlatform } from './electron-platform'

/** Electron's preload exposes `window.hamish`; anywhere else this is a browser tab. */
export function choosePlatform(): Platform {
  return window.hamish ? electronPlatform(window.hamish) : browserPlatform()
}
