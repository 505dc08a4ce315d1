import { contextBridge, ipcRenderer } from 'electron'
import type { HamishBridge, IpcChannel, IpcRequest, IpcResponse } from '../../src/core/ipc'
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

const bridge: HamishBridge = {
  appInfo: () => invoke('app:info'),
  startupArticle: () => invoke('article:startup'),
  openArticle: () => invoke('article:open'),
  saveText: (request) => invoke('file:save-text', request),
}

contextBridge.exposeInMainWorld('hamish', bridge)
