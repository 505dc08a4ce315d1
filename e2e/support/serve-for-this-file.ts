import { test } from '@playwright/test'
import { startHamishServer, type RunningServer } from './hamish-server'

/**
 * A `hamish serve` of the calling spec file's own, with its own data: started before the file's
 * first test and stopped after its last.
 */
export function serveForThisFile(): RunningServer {
  let running: RunningServer | null = null
  test.beforeAll(async () => {
    running = await startHamishServer()
  })
  test.afterAll(async () => {
    await running?.stop()
  })
  const current = (): RunningServer => {
    if (!running) throw new Error('the server starts in beforeAll: use it inside a test')
    return running
  }
  return {
    get url() {
      return current().url
    },
    get dataDir() {
      return current().dataDir
    },
    restart: () => current().restart(),
    stop: () => current().stop(),
  }
}
