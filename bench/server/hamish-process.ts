import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** How long a server may take to say where it listens, or to stop, before it is killed. */
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000

/** `hamish serve` running in a child process, on loopback, over a data folder of the bench's. */
export interface HamishProcess {
  readonly url: string
  readonly adminToken: string
  readonly pid: number
  /** SIGTERM (a clean close), then SIGKILL if it has not exited in time. */
  stop(): Promise<void>
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const done = await Promise.race([
    exited(child).then(() => true),
    sleep(STOP_TIMEOUT_MS, undefined, { ref: false }).then(() => false),
  ])
  if (!done) {
    child.kill('SIGKILL')
    await exited(child)
  }
}

/** Starts `node bin/hamish.mjs serve` (the build must be fresh) and waits for its banner. */
export async function startHamishProcess(dataDir: string): Promise<HamishProcess> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'hamish.mjs'),
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data',
      dataDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  let errors = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
  const deadline = performance.now() + START_TIMEOUT_MS
  for (;;) {
    const url = /serving .* at (http:\/\/\S+)/.exec(output)?.[1]
    const adminToken = /Admin token[^:]*: (\S+)/.exec(output)?.[1]
    if (url && adminToken && child.pid !== undefined) {
      const pid = child.pid
      return {
        url: url.endsWith('/') ? url : `${url}/`,
        adminToken,
        pid,
        stop: () => stopChild(child),
      }
    }
    if (child.exitCode !== null || performance.now() > deadline) {
      await stopChild(child)
      throw new Error(
        `hamish serve did not start: ${errors.trim() || output.trim() || 'no output'}`,
      )
    }
    await sleep(5)
  }
}

/** Polls `GET /api/health` until it answers 200 (bounded in time). */
export async function waitForHealth(url: string, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    try {
      const response = await fetch(new URL('api/health', url))
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer /api/health`)
    await sleep(2)
  }
}
