import type { App } from 'electron'

/** A service that must finish stopping before the process exits (the hosted seminar server). */
export interface StoppableService {
  readonly isRunning: boolean
  stop(): Promise<unknown>
}

type Log = (message: string) => void

/**
 * Holds the quit back until `service` has stopped, then quits for real: Electron does not wait
 * for promises in `before-quit`, so without this the process would exit with sockets open and
 * the last updates of a seminar not yet in its database.
 */
export function stopBeforeQuit(
  app: Pick<App, 'on' | 'quit'>,
  service: StoppableService,
  log: Log = (message) => console.error(message),
): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'stopped' || (state === 'running' && !service.isRunning)) return
    event.preventDefault()
    if (state === 'stopping') return
    state = 'stopping'
    void service
      .stop()
      .catch((error: unknown) => {
        log(`Hamish could not stop the seminar server cleanly: ${String(error)}`)
      })
      .finally(() => {
        state = 'stopped'
        app.quit()
      })
  })
}
