import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningServer {
  url: string
  dataDir: string
  /** Stops the server as Ctrl-C does and starts it again on the same port and data. */
  restart(): Promise<void>
  stop(): Promise<void>
}

const ROOT = new URL('../..', import.meta.url).pathname

/** Starts the real `hamish serve` on a free loopback port, as a user would. */
export async function startHamishServer(extraArgs: string[] = []): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hamish-e2e-'))
  const launch = (port: string) =>
    spawn(
      process.execPath,
      [
        join(ROOT, 'bin/hamish.mjs'),
        'serve',
        '--port',
        port,
        '--host',
        '127.0.0.1',
        '--data',
        dataDir,
        ...extraArgs,
      ],
      { cwd: ROOT, stdio: 'pipe' },
    )
  let child = launch('0')
  const url = await waitForUrl(child)
  const stopChild = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return {
    url,
    dataDir,
    restart: async () => {
      await stopChild()
      child = launch(new URL(url).port)
      await waitForUrl(child)
    },
    stop: async () => {
      await stopChild()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function waitForUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`hamish serve printed no URL:\n${output}`)),
      30_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`hamish serve exited with ${code}:\n${output}`))
    })
  })
}
