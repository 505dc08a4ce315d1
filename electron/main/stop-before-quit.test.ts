import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { stopBeforeQuit, type StoppableService } from './stop-before-quit'

/** Electron's `app` as far as quitting goes: `quit()` emits `before-quit`, which may prevent it. */
class FakeApp extends EventEmitter {
  quits = 0
  exited = false
  quit(): void {
    this.quits++
    let prevented = false
    this.emit('before-quit', { preventDefault: () => (prevented = true) })
    if (!prevented) this.exited = true
  }
}

function service(running: boolean) {
  let finish!: () => void
  const stops: number[] = []
  const fake: StoppableService & { stops: number[]; finish: () => void } = {
    get isRunning() {
      return running
    },
    stop: () => {
      stops.push(1)
      return new Promise<void>((resolve) => {
        finish = () => {
          running = false
          resolve()
        }
      })
    },
    stops,
    finish: () => finish(),
  }
  return fake
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('stopBeforeQuit', () => {
  it('quits at once when nothing is hosted', () => {
    const app = new FakeApp()
    const hosting = service(false)
    stopBeforeQuit(app as never, hosting)
    app.quit()
    expect(app.exited).toBe(true)
    expect(hosting.stops).toHaveLength(0)
  })

  it('waits for the server to stop, once, then quits', async () => {
    const app = new FakeApp()
    const hosting = service(true)
    stopBeforeQuit(app as never, hosting)
    app.quit()
    app.quit() // a second Ctrl+Q while stopping
    expect(app.exited).toBe(false)
    expect(hosting.stops).toHaveLength(1)
    hosting.finish()
    await settle()
    expect(app.exited).toBe(true)
    expect(app.quits).toBe(3)
  })

  it('still quits when stopping fails, and says so', async () => {
    const app = new FakeApp()
    const logged: string[] = []
    stopBeforeQuit(
      app as never,
      { isRunning: true, stop: () => Promise.reject(new Error('disk gone')) },
      (message) => logged.push(message),
    )
    app.quit()
    await settle()
    expect(app.exited).toBe(true)
    expect(logged).toEqual(['Hamish could not stop the seminar server cleanly: Error: disk gone'])
  })
})
