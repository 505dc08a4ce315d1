import nodePath from 'node:path'
import type { App, BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { SUPPORTED_ARTICLE_EXTENSIONS } from '../../src/core/article/article-format'
import type { OpenedArticle } from '../../src/core/platform'
import { HamishError } from '../../src/server/hamish-error'
import type { IpcImplementations } from './ipc-handlers'

export interface PlatformServiceDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getPath'>
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>
  /** The window dialogs belong to; null while none is open. */
  window: () => BrowserWindow | null
  os: NodeJS.Platform
  /** The article file named on the command line or by "Open with", if any. */
  startupArticlePath: () => string | null
  /** Reads and imports an article file, throwing errors worded for the user. */
  loadArticleFile: (path: string) => Promise<OpenedArticle>
  writeTextFile: (path: string, text: string) => Promise<void>
}

/** The main-process side of the `Platform` the renderer sees. */
export function createPlatformService(deps: PlatformServiceDeps): IpcImplementations {
  // Dialogs reopen where the user last was, for this session.
  let lastOpenFolder: string | null = null
  let lastSaveFolder: string | null = null

  const openArticleFile = async (path: string): Promise<OpenedArticle> => {
    try {
      return await deps.loadArticleFile(path)
    } catch (error) {
      throw new Error(articleErrorMessage(path, error), { cause: error })
    }
  }

  return {
    'app:info': () =>
      Promise.resolve({ name: deps.app.getName(), version: deps.app.getVersion(), os: deps.os }),

    'article:startup': async () => {
      const path = deps.startupArticlePath()
      return path === null ? null : openArticleFile(path)
    },

    'article:open': async () => {
      const options: OpenDialogOptions = {
        title: 'Open an article',
        defaultPath: lastOpenFolder ?? deps.app.getPath('documents'),
        properties: ['openFile'],
        filters: [
          {
            name: 'Articles',
            extensions: SUPPORTED_ARTICLE_EXTENSIONS.map((extension) => extension.slice(1)),
          },
        ],
      }
      const window = deps.window()
      const result = window
        ? await deps.dialog.showOpenDialog(window, options)
        : await deps.dialog.showOpenDialog(options)
      const path = result.filePaths[0]
      if (result.canceled || path === undefined) return null
      lastOpenFolder = nodePath.dirname(path)
      return openArticleFile(path)
    },

    'file:save-text': async (request) => {
      const options: SaveDialogOptions = {
        title: 'Save',
        defaultPath: nodePath.join(
          lastSaveFolder ?? deps.app.getPath('documents'),
          request.suggestedName,
        ),
        filters: saveFilters(request.suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const window = deps.window()
      const result = window
        ? await deps.dialog.showSaveDialog(window, options)
        : await deps.dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      await deps.writeTextFile(result.filePath, request.text)
      lastSaveFolder = nodePath.dirname(result.filePath)
      return { location: result.filePath }
    },
  }
}

/** Offers the suggested name's own type first, so the dialog does not swap the extension. */
function saveFilters(suggestedName: string): SaveDialogOptions['filters'] {
  const extension = nodePath.extname(suggestedName).slice(1)
  const all = { name: 'All files', extensions: ['*'] }
  return extension
    ? [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }, all]
    : [all]
}

/**
 * One sentence for the renderer. Errors from the server's article reader are already worded
 * for the user (in the CLI's lower-case style); anything else is a bug, said as plainly.
 */
export function articleErrorMessage(path: string, error: unknown): string {
  if (error instanceof HamishError) return capitalize(error.message)
  const detail = error instanceof Error ? error.message : String(error)
  return `Hamish could not open "${nodePath.basename(path)}" (${detail}); please report this bug.`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
