import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/**
 * A real PostgreSQL and a real Redis for tests, each started by the test on 127.0.0.1, on a
 * free port, in a temporary folder, and stopped with it. Debian's packages: PostgreSQL's
 * binaries under /usr/lib/postgresql/<version>/bin (never those on PATH, which may be another
 * build), `redis-server` on PATH or in /usr/bin.
 */
export interface LocalServices {
  readonly databaseUrl: URL
  readonly redisUrl: URL
  stop(): Promise<void>
}

export interface ServiceBinaries {
  postgresBin: string
  redisServer: string
}

/** Where the binaries are, or why they cannot be used (one line). */
export function findServiceBinaries(): ServiceBinaries | string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : []
  const postgresBin = versions
    .map((version) => join(root, version, 'bin'))
    .find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres')))
  const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync)
  if (!postgresBin) return 'PostgreSQL is not installed (apt-get install postgresql)'
  if (!redisServer) return 'redis-server is not installed (apt-get install redis-server)'
  return { postgresBin, redisServer }
}

export async function startLocalServices(binaries: ServiceBinaries): Promise<LocalServices> {
  const postgres = await startPostgres(binaries.postgresBin)
  try {
    const redis = await startRedis(binaries.redisServer)
    return {
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      async stop() {
        await Promise.all([redis.stop(), postgres.stop()])
      },
    }
  } catch (error) {
    await postgres.stop()
    throw error
  }
}

interface RunningService {
  url: URL
  stop(): Promise<void>
}

/**
 * PostgreSQL refuses to run as root: when the test runs as root (CI in a container), initdb and
 * the server run as the `postgres` user, through spawn's uid/gid (what `runuser -u postgres`
 * does, without a wrapper process between the test and the server's signals).
 */
async function startPostgres(bin: string): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), 'hamish-postgres-'))
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined
  if (owner) chownSync(dir, owner.uid, owner.gid)
  const data = join(dir, 'data')
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'hamish', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
    { encoding: 'utf8', cwd: dir, ...owner },
  )
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`initdb failed: ${init.stderr || init.error?.message}`)
  }
  const port = await freePort()
  const server = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], ...owner },
  )
  let log = ''
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')))
  const stop = async () => {
    await stopProcess(server, 'SIGINT')
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await until(async () => {
      if (server.exitCode !== null) throw new Error(`postgres exited: ${log}`)
      const client = new pg.Client({
        host: '127.0.0.1',
        port,
        user: 'hamish',
        database: 'postgres',
      })
      try {
        await client.connect()
        await client.query('CREATE DATABASE hamish')
        return true
      } catch {
        return false
      } finally {
        await client.end().catch(() => {})
      }
    }, 30_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { url: new URL(`postgres://hamish@127.0.0.1:${port}/hamish`), stop }
}

async function startRedis(redisServer: string): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), 'hamish-redis-'))
  const port = await freePort()
  const server = spawn(
    redisServer,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let log = ''
  const ready = new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8')
      if (log.includes('Ready to accept connections')) resolve()
    })
    server.once('exit', () => reject(new Error(`redis-server exited: ${log}`)))
  })
  const stop = async () => {
    await stopProcess(server, 'SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await Promise.race([
      ready,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('redis-server did not start')), 15_000),
      ),
    ])
  } catch (error) {
    await stop()
    throw error
  }
  return { url: new URL(`redis://127.0.0.1:${port}`), stop }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const uid = id('-u')
  const gid = id('-g')
  if (!Number.isInteger(uid) || uid === 0) {
    throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as')
  }
  return { uid, gid }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the service to start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill(signal)
  })
}
