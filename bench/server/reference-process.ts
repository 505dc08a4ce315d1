import { spawn, type ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('reference-sync-server.ts', import.meta.url))
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000

/** `reference-sync-server.ts` in a child process on loopback. */
export interface ReferenceProcess {
  readonly url: string
  readonly pid: number
  stop(): Promise<void>
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** No persistence, no callbacks: the reference server in memory, as its README first runs it. */
function referenceEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env['YPERSISTENCE']
  delete env['CALLBACK_URL']
  return env
}

export async function startReferenceProcess(): Promise<ReferenceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: referenceEnvironment(),
  })
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    if (
      !(await Promise.race([
        exited(child).then(() => true),
        sleep(STOP_TIMEOUT_MS, undefined, { ref: false }),
      ]))
    ) {
      child.kill('SIGKILL')
      await exited(child)
    }
  }
  const deadline = performance.now() + START_TIMEOUT_MS
  for (;;) {
    const port = /listening (\d+)/.exec(output)?.[1]
    if (port !== undefined && child.pid !== undefined) {
      return { url: `ws://127.0.0.1:${port}`, pid: child.pid, stop }
    }
    if (child.exitCode !== null || performance.now() > deadline) {
      await stop()
      throw new Error(`the reference sync server did not start: ${output.trim() || 'no output'}`)
    }
    await sleep(5)
  }
}
