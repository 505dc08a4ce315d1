import type { OpenedArticle, Platform } from '../platform'
import type {
  ImportProgress,
  IpcRequest,
  IpcResponse,
  MenuCommand,
  ShellLanguage,
} from './contract'

/** The calls every platform answers; the renderer's Electron `Platform` wraps them and adds `kind`. */
export interface PlatformBridge {
  appInfo(): Promise<IpcResponse<'app:info'>>
  startupArticle(): Promise<IpcResponse<'article:startup'>>
  openArticle(): Promise<IpcResponse<'article:open'>>
  saveText(request: IpcRequest<'file:save-text'>): Promise<IpcResponse<'file:save-text'>>
  saveBytes(request: IpcRequest<'file:save-bytes'>): Promise<IpcResponse<'file:save-bytes'>>
  openText(request: IpcRequest<'file:open-text'>): Promise<IpcResponse<'file:open-text'>>
  hostSeminar(request: IpcRequest<'seminar:host'>): Promise<IpcResponse<'seminar:host'>>
  stopHosting(): Promise<IpcResponse<'seminar:stop-hosting'>>
  hostingStatus(): Promise<IpcResponse<'seminar:hosting-status'>>
}

/** What only the desktop shell has: its menu, its language, dropped files, long imports. */
export interface DesktopShellBridge {
  /** Tells the shell the UI language, so its menu and messages speak it. */
  setUiLanguage(language: ShellLanguage): Promise<IpcResponse<'ui:set-language'>>
  /**
   * Opens a file dropped on the window. Null when the item is not a file on this computer
   * (text or an image dragged from another app): the renderer may then read its bytes itself.
   */
  openDroppedArticle(file: File): Promise<OpenedArticle | null>
  /** Opens the entry of File › Recent articles that an `open-recent-article` command named. */
  openRecentArticle(path: string): Promise<IpcResponse<'article:open-recent'>>
  /** Calls `listener` for every menu command until the returned function is called. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Calls `listener` as a long import advances, until the returned function is called. */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void
}

/**
 * What the Electron preload exposes as `window.hamish`: one function per IPC channel (and one
 * subscription per event channel) and nothing else.
 */
export interface HamishBridge extends PlatformBridge, DesktopShellBridge {}

// Compile-time proof that the platform part of the bridge and `Platform` (minus `kind`) stay
// the same shape both ways.
type PlatformCalls = Omit<Platform, 'kind'>
type Assert<T extends true> = T
export type BridgeMatchesPlatform = Assert<PlatformBridge extends PlatformCalls ? true : false>
export type PlatformMatchesBridge = Assert<PlatformCalls extends PlatformBridge ? true : false>
