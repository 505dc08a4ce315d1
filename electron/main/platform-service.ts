import { readFile, stat } from 'node:fs/promises'
import nodePath from 'node:path'
import type { App, BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron'
import {
  SUPPORTED_ARTICLE_EXTENSIONS,
  formatFromFileName,
} from '../../src/core/article/article-format'
import type { ImportProgress, ShellLanguage } from '../../src/core/ipc/contract'
import type {
  HostSeminarOutcome,
  HostSeminarRequest,
  HostingStatus,
} from '../../src/core/seminar/seminar-hosting'
import {
  MAX_OPEN_TEXT_BYTES,
  TEXT_FILE_EXTENSIONS,
  TextFileTooLargeError,
  type OpenedArticle,
} from '../../src/core/platform'
import {
  DocumentImportError,
  SUPPORTED_DOCUMENT_EXTENSIONS,
  documentFormatFromFileName,
} from '../../src/server/article-file'
import { errorCode } from '../../src/server/error-code'
import { HamishError } from '../../src/server/hamish-error'
import type { LoadArticleOptions } from '../../src/server/load-article'
import type { IpcImplementations } from './ipc-handlers'
import { shellMessages } from './shell-messages'

/** Every extension the shell opens: the text formats and Word and PDF. */
export const OPENABLE_ARTICLE_EXTENSIONS: readonly string[] = [
  ...SUPPORTED_ARTICLE_EXTENSIONS,
  ...SUPPORTED_DOCUMENT_EXTENSIONS,
]

export function isOpenableArticle(fileName: string): boolean {
  return formatFromFileName(fileName) !== null || documentFormatFromFileName(fileName) !== null
}

export interface PlatformServiceDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getPath'>
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>
  /** The window dialogs belong to; null while none is open. */
  window: () => BrowserWindow | null
  os: NodeJS.Platform
  /** The article file named on the command line or by "Open with", if any. */
  startupArticlePath: () => string | null
  /** Reads and imports an article file, throwing errors worded for the user. */
  loadArticleFile: (path: string, options?: LoadArticleOptions) => Promise<OpenedArticle>
  writeTextFile: (path: string, text: string) => Promise<void>
  /** Writes an exported binary file (the instructor's zip) whole or not at all. */
  writeBytesFile?: (path: string, bytes: Uint8Array) => Promise<void>
  /** Reads a text file the user picked, refusing one over `maxBytes` unread. */
  readTextFile?: (path: string, maxBytes: number) => Promise<string>
  /** The renderer's UI language, which the shell's dialogs and messages speak. */
  language: () => ShellLanguage
  /** The renderer changed its UI language. */
  onLanguageChange: (language: ShellLanguage) => void
  recentArticles: {
    has(path: string): boolean
    add(path: string): void
    remove(path: string): void
  }
  /** Forwards how far a long import has got to the renderer. */
  sendImportProgress: (progress: ImportProgress) => void
  /** The seminar server the app hosts (`SeminarHosting`). */
  hosting: {
    host(request: HostSeminarRequest): Promise<HostSeminarOutcome>
    stop(): Promise<HostingStatus>
    status(): HostingStatus
  }
}

/** The main-process side of everything the renderer may ask. */
export function createPlatformService(deps: PlatformServiceDeps): IpcImplementations {
  // Dialogs reopen where the user last was, for this session.
  let lastOpenFolder: string | null = null
  let lastSaveFolder: string | null = null

  /** Opens an article the user chose, remembering it among the recent ones when it opens. */
  const openArticleFile = async (path: string): Promise<OpenedArticle> => {
    const fileName = nodePath.basename(path)
    let opened: OpenedArticle
    try {
      opened = await deps.loadArticleFile(path, {
        onProgress: (progress) => deps.sendImportProgress({ fileName, ...progress }),
      })
    } catch (error) {
      throw new Error(articleErrorMessage(path, error, deps.language()), { cause: error })
    }
    deps.recentArticles.add(path)
    return opened
  }

  /** The native save dialog, in the UI language, where the last save went; null if cancelled. */
  const askWhereToSave = async (suggestedName: string): Promise<string | null> => {
    const words = shellMessages(deps.language()).dialogs
    const options: SaveDialogOptions = {
      title: words.saveTitle,
      defaultPath: nodePath.join(lastSaveFolder ?? deps.app.getPath('documents'), suggestedName),
      filters: saveFilters(suggestedName, words),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const window = deps.window()
    const result = window
      ? await deps.dialog.showSaveDialog(window, options)
      : await deps.dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }

  return {
    'app:info': () =>
      Promise.resolve({ name: deps.app.getName(), version: deps.app.getVersion(), os: deps.os }),

    'article:startup': async () => {
      const path = deps.startupArticlePath()
      return path === null ? null : openArticleFile(path)
    },

    'article:open': async () => {
      const words = shellMessages(deps.language()).dialogs
      const options: OpenDialogOptions = {
        title: words.openArticleTitle,
        defaultPath: lastOpenFolder ?? deps.app.getPath('documents'),
        properties: ['openFile'],
        filters: [
          {
            name: words.articleFiles,
            extensions: OPENABLE_ARTICLE_EXTENSIONS.map((extension) => extension.slice(1)),
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
      const path = await askWhereToSave(request.suggestedName)
      if (path === null) return null
      await deps.writeTextFile(path, request.text)
      lastSaveFolder = nodePath.dirname(path)
      return { location: path }
    },

    'file:save-bytes': async (request) => {
      const path = await askWhereToSave(request.suggestedName)
      if (path === null) return null
      const write = deps.writeBytesFile
      if (!write) throw new Error('This app cannot save binary files.')
      await write(path, request.bytes)
      lastSaveFolder = nodePath.dirname(path)
      return { location: path }
    },

    'file:open-text': async ({ kind }) => {
      const words = shellMessages(deps.language()).dialogs
      const extensions = TEXT_FILE_EXTENSIONS[kind]
      const options: OpenDialogOptions = {
        defaultPath: lastOpenFolder ?? deps.app.getPath('documents'),
        properties: ['openFile'],
        filters: [
          {
            name: words.fileOfType(extensions[0].slice(1)),
            extensions: extensions.map((e) => e.slice(1)),
          },
          { name: words.allFiles, extensions: ['*'] },
        ],
      }
      const window = deps.window()
      const result = window
        ? await deps.dialog.showOpenDialog(window, options)
        : await deps.dialog.showOpenDialog(options)
      const path = result.filePaths[0]
      if (result.canceled || path === undefined) return null
      lastOpenFolder = nodePath.dirname(path)
      const text = await (deps.readTextFile ?? readTextFileWithin)(path, MAX_OPEN_TEXT_BYTES)
      return { fileName: nodePath.basename(path), text }
    },

    'ui:set-language': ({ language }) => {
      deps.onLanguageChange(language)
      return Promise.resolve(null)
    },

    // The path comes from the preload's `webUtils.getPathForFile`, for a file the user dropped;
    // it is read through the same checks as any other article.
    'article:open-dropped': ({ path }) => openArticleFile(path),

    'seminar:host': (request) => deps.hosting.host(request),
    'seminar:stop-hosting': () => deps.hosting.stop(),
    'seminar:hosting-status': () => Promise.resolve(deps.hosting.status()),

    'article:open-recent': async ({ path }) => {
      // Only entries of the shell's own list: the page cannot name any other file this way.
      if (!deps.recentArticles.has(path)) {
        throw new Error(
          `Hamish refused to open "${nodePath.basename(path)}": it is not in the recent articles list.`,
        )
      }
      try {
        return await openArticleFile(path)
      } catch (error) {
        if (!isGone(error)) throw error
        deps.recentArticles.remove(path)
        throw new Error(
          shellMessages(deps.language()).recentArticleGone(
            nodePath.basename(path),
            nodePath.dirname(path),
          ),
          { cause: error },
        )
      }
    },
  }
}

/** A UTF-8 text file, refused unread when it is larger than `maxBytes`. */
async function readTextFileWithin(path: string, maxBytes: number): Promise<string> {
  const { size } = await stat(path)
  if (size > maxBytes) throw new TextFileTooLargeError(nodePath.basename(path), size)
  return readFile(path, 'utf8')
}

/** The file, or a folder on its path, no longer exists: the file system said so somewhere down the causes. */
function isGone(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
    const code = errorCode(current)
    if (code === 'ENOENT' || code === 'ENOTDIR') return true
    current = current instanceof Error ? current.cause : undefined
  }
  return false
}

/** Offers the suggested name's own type first, so the dialog does not swap the extension. */
function saveFilters(
  suggestedName: string,
  words: ReturnType<typeof shellMessages>['dialogs'],
): SaveDialogOptions['filters'] {
  const extension = nodePath.extname(suggestedName).slice(1)
  const all = { name: words.allFiles, extensions: ['*'] }
  return extension ? [{ name: words.fileOfType(extension), extensions: [extension] }, all] : [all]
}

/**
 * One sentence for the renderer. A refused Word or PDF file is worded in the UI language; other
 * errors from the server's article reader are already worded for the user (in the CLI's
 * lower-case English style); anything else is a bug, said as plainly.
 */
export function articleErrorMessage(
  path: string,
  error: unknown,
  language: ShellLanguage = 'en',
): string {
  if (error instanceof DocumentImportError) {
    return shellMessages(language).documentProblem(nodePath.basename(path), error.problem)
  }
  if (error instanceof HamishError) return capitalize(error.message)
  const detail = error instanceof Error ? error.message : String(error)
  return `Hamish could not open "${nodePath.basename(path)}" (${detail}); please report this bug.`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
