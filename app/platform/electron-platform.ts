import type { HamishBridge } from '../../src/core/ipc/bridge'
import { invokeErrorMessage } from '../../src/core/ipc/invoke-error'
import type { Platform } from '../../src/core/platform'

declare global {
  interface Window {
    /** Present only in the Electron shell, put there by its preload. */
    hamish?: HamishBridge
  }
}

/** The Electron shell's platform: the preload bridge, with its errors reduced to their message. */
export function electronPlatform(bridge: HamishBridge): Platform {
  const call =
    <A extends unknown[], R>(channel: string, method: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      method(...args).catch((error: unknown) => {
        throw new Error(invokeErrorMessage(channel, error))
      })
  return {
    kind: 'electron',
    appInfo: call('app:info', bridge.appInfo),
    startupArticle: call('article:startup', bridge.startupArticle),
    openArticle: call('article:open', bridge.openArticle),
    saveText: call('file:save-text', bridge.saveText),
    saveBytes: call('file:save-bytes', bridge.saveBytes),
    openText: call('file:open-text', bridge.openText),
    // The desktop app creates seminars itself: an admin token is for a server on another computer.
    hostSeminar: ({ adminToken: _, ...request }) =>
      call('seminar:host', bridge.hostSeminar)(request),
    stopHosting: call('seminar:stop-hosting', bridge.stopHosting),
    hostingStatus: call('seminar:hosting-status', bridge.hostingStatus),
  }
}
