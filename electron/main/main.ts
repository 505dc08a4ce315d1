import { existsSync, statSync } from 'node:fs'
import nodePath from 'node:path'
import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell } from 'electron'
import { formatFromFileName } from '../../src/core/article/article-format'
import { loadArticleFile } from '../../src/server/load-article'
import { registerAppScheme, serveWebRoot } from './app-protocol'
import { resolveAppPaths } from './app-paths'
import { writeTextFileAtomically } from './atomic-write'
import { registerIpcHandlers } from './ipc-handlers'
import { denyAllPermissions, guardNavigation } from './navigation-guard'
import { createPlatformService } from './platform-service'
import { startupArticlePath } from './startup-arguments'
import { createMainWindow, focusWindow, loadApp } from './window'

// The scheme must be privileged before the app is ready, and a second copy must not get that far.
registerAppScheme(protocol)
if (app.requestSingleInstanceLock()) run()
else app.quit()

function run(): void {
  app.setName('Hamish')
  if (process.platform === 'win32') app.setAppUserModelId('org.hamish.app')

  const paths = resolveAppPaths(__dirname)
  let mainWindow: BrowserWindow | null = null
  let articlePath = articleFromArguments(process.argv, process.cwd())

  /** A new article arrived while the app runs: the renderer asks for it again after a reload. */
  const showArticle = (path: string): void => {
    articlePath = path
    if (mainWindow) {
      mainWindow.webContents.reload()
      focusWindow(mainWindow)
    }
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = articleFromArguments(argv, workingDirectory)
    if (path !== null) showArticle(path)
    else if (mainWindow) focusWindow(mainWindow)
  })
  // macOS hands files from Finder ("Open with", double-click) over as events, not arguments.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    showArticle(path)
  })

  const openWindow = async (): Promise<void> => {
    const window = createMainWindow(paths.preload)
    mainWindow = window
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    guardNavigation(window, { dialog, shell })
    await loadApp(window)
  }

  void app.whenReady().then(async () => {
    if (!existsSync(nodePath.join(paths.webRoot, 'index.html'))) {
      dialog.showErrorBox(
        'Hamish cannot start',
        `The app's files are missing: there is no index.html in "${paths.webRoot}". Run "npm run build", or reinstall Hamish.`,
      )
      app.quit()
      return
    }
    serveWebRoot(protocol, paths.webRoot)
    denyAllPermissions(session.defaultSession)
    registerIpcHandlers(
      ipcMain,
      createPlatformService({
        app,
        dialog,
        window: () => mainWindow,
        os: process.platform,
        startupArticlePath: () => articlePath,
        loadArticleFile,
        writeTextFile: writeTextFileAtomically,
      }),
    )
    await openWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

function articleFromArguments(argv: readonly string[], cwd: string): string | null {
  return startupArticlePath(argv, {
    argvHasAppPath: process.defaultApp === true,
    cwd,
    isSupportedArticle: (path) => formatFromFileName(path) !== null,
    isFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true,
  })
}
