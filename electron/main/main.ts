import { existsSync, statSync } from 'node:fs'
import nodePath from 'node:path'
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
} from 'electron'
import type { ShellLanguage } from '../../src/core/ipc/contract'
import { loadArticleFile } from '../../src/server/load-article'
import { SeminarHosting } from '../../src/server/seminar-hosting'
import { installApplicationMenu } from './application-menu'
import { registerAppScheme, serveWebRoot } from './app-protocol'
import { resolveAppPaths } from './app-paths'
import { writeTextFileAtomically } from './atomic-write'
import { registerIpcHandlers } from './ipc-handlers'
import { sendIpcEvent } from './ipc-events'
import { buildMenuTemplate } from './menu-template'
import type { MenuAction } from './menu-template'
import { limitPermissions, guardNavigation } from './navigation-guard'
import { createPlatformService, isOpenableArticle } from './platform-service'
import { RecentArticles, RecentArticlesSchema } from './recent-articles'
import { SettingsFile } from './settings-file'
import { shellLanguageFor } from './shell-messages'
import { startupArticlePath } from './startup-arguments'
import { stopBeforeQuit } from './stop-before-quit'
import { WindowStateSchema, placeWindow } from './window-state'
import type { Rectangle } from './window-state'
import { createMainWindow, focusWindow, loadApp, rememberWindowState } from './window'

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
    limitPermissions(session.defaultSession)

    const userData = app.getPath('userData')
    const windowStateFile = new SettingsFile(
      nodePath.join(userData, 'window-state.json'),
      WindowStateSchema,
    )
    // The menu speaks the system's language until the renderer says which one it shows.
    let language: ShellLanguage = shellLanguageFor(app.getPreferredSystemLanguages())

    const recentArticles = new RecentArticles({
      store: new SettingsFile(
        nodePath.join(userData, 'recent-articles.json'),
        RecentArticlesSchema,
      ),
      system: systemRecentDocuments(),
      onChange: () => refreshMenu(),
    })
    const dispatchMenuAction = (action: MenuAction): void => {
      if (action.kind === 'clear-recent-articles') {
        recentArticles.clear()
        return
      }
      // On macOS the menu outlives the window: bring one back rather than act on nothing.
      if (mainWindow === null) {
        void openWindow()
        return
      }
      sendIpcEvent(mainWindow.webContents, 'menu:command', action.command)
    }
    const refreshMenu = (): void =>
      installApplicationMenu(
        Menu,
        buildMenuTemplate({ language, platform: process.platform, recent: recentArticles.paths }),
        dispatchMenuAction,
      )

    const openWindow = async (): Promise<void> => {
      const window = createMainWindow(
        paths.preload,
        placeWindow(windowStateFile.read(), displayWorkAreas()),
      )
      mainWindow = window
      rememberWindowState(window, (state) => windowStateFile.write(state))
      window.on('closed', () => {
        if (mainWindow === window) mainWindow = null
      })
      guardNavigation(window, { dialog, shell })
      await loadApp(window)
    }

    // One seminar server per app, started when the user hosts; quitting waits for it to stop.
    const hosting = new SeminarHosting({
      dataDir: nodePath.join(userData, 'seminars'),
      webRoot: paths.webRoot,
      version: app.getVersion(),
    })
    stopBeforeQuit(app, hosting)

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
        writeBytesFile: writeTextFileAtomically,
        language: () => language,
        onLanguageChange: (chosen) => {
          language = chosen
          refreshMenu()
        },
        recentArticles,
        sendImportProgress: (progress) =>
          sendIpcEvent(mainWindow?.webContents ?? null, 'article:import-progress', progress),
        hosting,
      }),
    )
    refreshMenu()
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
    isSupportedArticle: isOpenableArticle,
    isFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true,
  })
}

/** The displays' work areas, the primary display's first. */
function displayWorkAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  return [primary, ...others].map((display) => display.workArea)
}

/** The system's recent-documents list exists on macOS and Windows only. */
function systemRecentDocuments(): ConstructorParameters<typeof RecentArticles>[0]['system'] {
  if (process.platform !== 'darwin' && process.platform !== 'win32') {
    return { addRecentDocument: () => {}, clearRecentDocuments: () => {} }
  }
  return {
    addRecentDocument: (path) => app.addRecentDocument(path),
    clearRecentDocuments: () => app.clearRecentDocuments(),
  }
}
