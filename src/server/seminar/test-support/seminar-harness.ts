import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../../core/seminar/seminar-api'
import { prepareDataDir } from '../../data-dir'
import type { RunningWebServer } from '../../web-server'
import type { SeminarServer, SeminarServerOptions } from '../seminar-server'
import { startSampleSeminarServer } from './sample-seminar-server'
import { connectClient, type ClientOptions, type SyncClient } from './sync-client'

export interface ApiAnswer {
  status: number
  headers: Headers
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON under test
  body: any
}

export interface ApiRequest {
  method?: string
  body?: unknown
  token?: string
  headers?: Record<string, string>
}

/** A clock the tests move forward (token expiry, rate-limit refills). */
export class TestClock {
  private offsetMs = 0
  readonly now = (): Date => new Date(Date.now() + this.offsetMs)
  advance(ms: number): void {
    this.offsetMs += ms
  }
}

export type HarnessOptions = Omit<
  SeminarServerOptions,
  'dataDir' | 'defaultArticle' | 'publicUrl' | 'now'
>

/**
 * `hamish serve` in-process: the web server with the seminar server on it, on 127.0.0.1 and a
 * free port, over a temporary data folder that `restart` keeps.
 */
export class SeminarHarness {
  readonly clock = new TestClock()
  private readonly clients: SyncClient[] = []
  private web: RunningWebServer | undefined
  seminars!: SeminarServer

  private constructor(
    readonly dataDir: string,
    private readonly webRoot: string,
    private readonly options: HarnessOptions,
    private readonly host: string,
  ) {}

  static async start(options: HarnessOptions = {}, host = '127.0.0.1'): Promise<SeminarHarness> {
    const dataDir = await prepareDataDir(mkdtempSync(join(tmpdir(), 'hamish-seminar-')))
    const webRoot = mkdtempSync(join(tmpdir(), 'hamish-seminar-web-'))
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Hamish</title>')
    const harness = new SeminarHarness(dataDir, webRoot, options, host)
    await harness.open()
    return harness
  }

  get url(): string {
    if (!this.web) throw new Error('the harness is not running')
    return this.web.url
  }

  get syncUrl(): string {
    return `${this.url.replace(/^http/, 'ws')}sync`
  }

  async api(path: string, request: ApiRequest = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...request.headers }
    if (request.body !== undefined) headers['content-type'] ??= 'application/json'
    if (request.token) headers['authorization'] = `Bearer ${request.token}`
    const response = await fetch(new URL(path, this.url), {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(request.body !== undefined && {
        body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
      }),
    })
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    }
  }

  async createSeminar(body: Record<string, unknown> = {}): Promise<CreateSeminarResponse> {
    const answer = await this.api('/api/seminars', { body: { title: 'Week 3', ...body } })
    if (answer.status !== 201) throw new Error(`create failed: ${JSON.stringify(answer.body)}`)
    return answer.body as CreateSeminarResponse
  }

  async join(seminar: CreateSeminarResponse, name: string): Promise<JoinSeminarResponse> {
    const answer = await this.api(`/api/seminars/${seminar.seminarId}/join`, {
      body: { code: seminar.joinCode, name },
    })
    if (answer.status !== 200) throw new Error(`join failed: ${JSON.stringify(answer.body)}`)
    return answer.body as JoinSeminarResponse
  }

  /** A client connected to one document; destroyed by `close`. */
  connect(documentName: string, token: string, options?: ClientOptions): SyncClient {
    const client = connectClient(this.syncUrl, documentName, token, options)
    this.clients.push(client)
    return client
  }

  /** What the SQLite store holds for a document, as a Y.Doc (empty when nothing is stored). */
  stored(documentName: string): Y.Doc {
    const doc = new Y.Doc()
    const state = this.seminars.storedState(documentName)
    if (state) Y.applyUpdate(doc, state)
    return doc
  }

  /**
   * Stops the server as `hamish serve` does on Ctrl-C and starts a new one on the same data and
   * port, so connected clients reconnect to it by themselves.
   */
  async restart(): Promise<void> {
    await this.stop()
    await this.open()
  }

  /** Takes the server away (clients see it go), keeping its data and port for `resume`. */
  async pause(): Promise<void> {
    await this.stop()
  }

  async resume(): Promise<void> {
    await this.open()
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) client.destroy()
    await this.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
    rmSync(this.webRoot, { recursive: true, force: true })
  }

  private async open(): Promise<void> {
    const started = await startSampleSeminarServer({
      dataDir: this.dataDir,
      webRoot: this.webRoot,
      host: this.host,
      port: this.web?.port ?? 0,
      seminar: { ...this.options, now: this.clock.now },
    })
    this.seminars = started.seminars
    this.web = started.web
  }

  private async stop(): Promise<void> {
    await this.web?.close()
    await this.seminars.close()
  }
}

/** Resolves when `condition` holds, checking every 10 ms; rejects after `timeoutMs`. */
export async function eventually(
  condition: () => boolean,
  timeoutMs = 5000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
