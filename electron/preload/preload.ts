import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type {
  HamishBridge,
  IpcChannel,
  IpcEventChannel,
  IpcEventPayload,
  IpcRequest,
  IpcResponse,
} from '../../src/core/ipc'
// Imported by file, not through the index: the preload bundle must not pull in zod.
import { invokeErrorMessage } from '../../src/core/ipc/invoke-error'

export type { HamishBridge } from '../../src/core/ipc'

/**
 * Typed `invoke`, private to this file: every exposed function below names its own channel,
 * so the page can never choose a channel or reach `ipcRenderer` itself.
 */
async function invoke<C extends IpcChannel>(
  channel: C,
  ...request: IpcRequest<C> extends undefined ? [] : [IpcRequest<C>]
): Promise<IpcResponse<C>> {
  try {
    return (await ipcRenderer.invoke(channel, ...request)) as IpcResponse<C>
  } catch (error) {
    throw new Error(invokeErrorMessage(channel, error), { cause: error })
  }
}

/**
 * Typed subscription to one event channel, private to this file. The page's listener gets the
 * payload only: Electron's event object carries `sender`, which must not reach the page. Main
 * validated the payload before sending it.
 */
function subscribe<C extends IpcEventChannel>(
  channel: C,
  listener: (payload: IpcEventPayload<C>) => void,
): () => void {
  const forward = (_event: IpcRendererEvent, payload: unknown) =>
    listener(payload as IpcEventPayload<C>)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const bridge: HamishBridge = {
  appInfo: () => invoke('app:info'),
  startupArticle: () => invoke('article:startup'),
  openArticle: () => invoke('article:open'),
  saveText: (request) => invoke('file:save-text', request),
  saveBytes: (request) => invoke('file:save-bytes', request),
  openText: (request) => invoke('file:open-text', request),
  hostSeminar: (request) => invoke('seminar:host', request),
  stopHosting: () => invoke('seminar:stop-hosting'),
  hostingStatus: () => invoke('seminar:hosting-status'),
  setUiLanguage: (language) => invoke('ui:set-language', { language }),
  // The path is taken here, from a File the user dropped, so the page never names a path.
  // A File that is not on disk (text or an image dragged from another app) has none.
  openDroppedArticle: async (file) => {
    const path = webUtils.getPathForFile(file)
    return path ? invoke('article:open-dropped', { path }) : null
  },
  openRecentArticle: (path) => invoke('article:open-recent', { path }),
  onMenuCommand: (listener) => subscribe('menu:command', listener),
  onImportProgress: (listener) => subscribe('article:import-progress', listener),
}

contextBridge.exposeInMainWorld('hamish', bridge)
