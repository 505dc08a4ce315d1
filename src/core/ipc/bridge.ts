import type { Platform } from '../platform'
import type { IpcRequest, IpcResponse } from './contract'

/**
 * What the Electron preload exposes as `window.hamish`: one function per IPC channel and
 * nothing else. The renderer's Electron `Platform` wraps it and adds `kind`.
 */
export interface HamishBridge {
  appInfo(): Promise<IpcResponse<'app:info'>>
  startupArticle(): Promise<IpcResponse<'article:startup'>>
  openArticle(): Promise<IpcResponse<'article:open'>>
  saveText(request: IpcRequest<'file:save-text'>): Promise<IpcResponse<'file:save-text'>>
}

// Compile-time proof that the bridge and `Platform` (minus `kind`) stay the same shape both ways.
type PlatformCalls = Omit<Platform, 'kind'>
type Assert<T extends true> = T
export type BridgeMatchesPlatform = Assert<HamishBridge extends PlatformCalls ? true : false>
export type PlatformMatchesBridge = Assert<PlatformCalls extends HamishBridge ? true : false>
