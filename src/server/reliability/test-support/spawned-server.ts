import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleForTests } from '../../test-support/test-bundle'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../../core/seminar/seminar-api'
import { connectClient, type SyncClient } from '../../seminar/test-support/sync-client'
import type { Fault } from './reliability-server-process'

/** Bundles the server entry for a child process, once per test file. */
export function bundleServer(name: string): Promise<string> {
  return bundleForTests('src/server/reliability/test-support/reliability-server-process.ts', name)
}

/** A data folder and a web root in a temporary folder, removed by `remove`. */
export class ServerFolders {
  readonly root = mkdtempSync(join(tmpdir(), 'hamish-reliability-'))
  readonly data = join(this.root, 'data')
  readonly web = join(this.root, 'web')

  constructor() {
    mkdirSync(this.data)
    mkdirSync(this.web)
    writeFileSync(join(this.web, 'index.html'), '<!doctype html><title>Hamish</title>')
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}

export interface ServerMemory {
  rss: number
  /** The V8 heap in use. */
  heapUsed: number
  /** Buffers and typed arrays (Yjs updates among them), outside the V8 heap. */
  arrayBuffers: number
}

export interface ServerExit {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/** The server in a child process (see `reliability-server-process`), on 127.0.0.1. */
export class SpawnedServer {
  private stderrText = ''
  private readonly replies: ((line: string) => void)[] = []
  readonly exited: Promise<ServerExit>

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, stderr: this.stderrText }))
    })
  }

  /**
   * Starts the server and resolves once it listens; rejects, with its stderr, if it exits
   * first. `port` 0 picks a free one; a restart passes the old one so clients find it again.
   */
  static start(bundle: string, folders: ServerFolders, port = 0): Promise<SpawnedServer> {
    const child = spawn(
      process.execPath,
      ['--expose-gc', bundle, folders.data, folders.web, String(port)],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    )
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    return new Promise((resolve, reject) => {
      let buffered = ''
      let server: SpawnedServer | undefined
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString()
        let newline
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline)
          buffered = buffered.slice(newline + 1)
          if (!server) {
            server = new SpawnedServer(child, (JSON.parse(line) as { url: string }).url)
            child.stderr?.on('data', (more: Buffer) => (server!.stderrText += more.toString()))
            server.stderrText = stderr
            resolve(server)
          } else {
            server.replies.shift()?.(line)
          }
        }
      })
      child.once('exit', (code, signal) =>
        reject(new Error(`the server exited (${code ?? signal}) before listening: ${stderr}`)),
      )
    })
  }

  /** What it has written to stderr so far. */
  get stderr(): string {
    return this.stderrText
  }

  get pid(): number {
    return this.child.pid as number
  }

  get port(): number {
    return Number(new URL(this.url).port)
  }

  get syncUrl(): string {
    return `${this.url.replace(/^http/, 'ws')}sync`
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** Makes SQLite refuse the server's writes as a full or read-only disk would; "none" lifts it. */
  async fault(fault: Fault): Promise<void> {
    await this.command({ fault })
  }

  /** The server's memory in bytes, after a full GC. */
  async memory(): Promise<ServerMemory> {
    return JSON.parse(await this.command({ memory: true })) as ServerMemory
  }

  /** Kills it outright: no shutdown hook, no compaction. Resolves once it is gone. */
  async kill(): Promise<ServerExit> {
    if (this.alive) this.child.kill('SIGKILL')
    return this.exited
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }

  createSeminar(title = 'Reliability'): Promise<CreateSeminarResponse> {
    return this.post('/api/seminars', { title })
  }

  join(seminar: CreateSeminarResponse, name: string): Promise<JoinSeminarResponse> {
    return this.post(`/api/seminars/${seminar.seminarId}/join`, { code: seminar.joinCode, name })
  }

  connect(documentName: string, token: string): SyncClient {
    return connectClient(this.syncUrl, documentName, token)
  }

  private command(command: object): Promise<string> {
    return new Promise((resolve) => {
      this.replies.push(resolve)
      this.child.stdin?.write(`${JSON.stringify(command)}\n`)
    })
  }
}
