import type { BrowserWindow, Dialog, Session, Shell } from 'electron'
import { decideNavigation } from './navigation-policy'
import { isPermissionAllowed } from './permission-policy'

export interface NavigationGuardDeps {
  dialog: Pick<Dialog, 'showMessageBox'>
  shell: Pick<Shell, 'openExternal'>
}

/**
 * Keeps the window on the app: in-page navigation elsewhere is cancelled, new windows are
 * never created, and web links open in the user's browser only after they confirm.
 */
export function guardNavigation(window: BrowserWindow, deps: NavigationGuardDeps): void {
  const { webContents } = window

  webContents.on('will-navigate', (event) => {
    if (decideNavigation(event.url) === 'allow-in-app') return
    event.preventDefault()
    void offerExternalLink(window, event.url, deps)
  })
  // Redirects are navigations too, and do not pass through 'will-navigate'.
  webContents.on('will-redirect', (event) => {
    if (decideNavigation(event.url) !== 'allow-in-app') event.preventDefault()
  })
  webContents.setWindowOpenHandler(({ url }) => {
    void offerExternalLink(window, url, deps)
    return { action: 'deny' }
  })
  webContents.on('will-attach-webview', (event) => event.preventDefault())
}

async function offerExternalLink(
  window: BrowserWindow,
  url: string,
  deps: NavigationGuardDeps,
): Promise<void> {
  if (decideNavigation(url) !== 'ask-to-open-externally') return
  const { response } = await deps.dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open link',
    message: 'Open this link in your web browser?',
    detail: url,
    noLink: true,
  })
  if (response === 0) await deps.shell.openExternal(url)
}

/**
 * Every permission refused but reaching seminar servers on the network, and that only for the
 * app's own pages (see `permission-policy.ts`).
 */
export function limitPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  )
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  )
}
