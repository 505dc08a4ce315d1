import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'
import type { OpenedArticle } from '../core/platform'
import {
  DEFAULT_HOSTING_PORT,
  NOT_HOSTING,
  type HostSeminarOutcome,
  type HostSeminarRequest,
  type HostedSeminar,
  type HostingProblem,
  type HostingStatus,
} from '../core/seminar/seminar-hosting'
import { prepareDataDir } from './data-dir'
import { errorCode } from './error-code'
import { ApiProblem } from './seminar/api-problem'
import { publicBaseUrl } from './seminar/public-url'
import { openSeminarServer, type SeminarServer } from './seminar/seminar-server'
import { startWebServer, type RunningWebServer } from './web-server'

/** Every network of this computer: students on the LAN reach it at its LAN address. */
export const HOSTING_LISTEN_HOST = '0.0.0.0'

export interface SeminarHostingOptions {
  /** Where the seminars are kept (the desktop app: `<userData>/seminars`); created when missing. */
  dataDir: string
  /** The built web app, served to students who join from a browser. */
  webRoot: string
  version: string
  /** Defaults to every network (0.0.0.0). */
  host?: string
  /** This computer's network interfaces, for the LAN address in links (tests pass their own). */
  interfaces?: () => NodeJS.Dict<NetworkInterfaceInfo[]>
}

interface Running {
  web: RunningWebServer
  seminars: SeminarServer
  serverUrl: string
  hosted: HostedSeminar[]
}

/**
 * The seminar server inside the desktop app: `hamish serve`'s web and sync servers, started on
 * demand on a LAN address, opening seminars on the article the host has open, and stopped
 * cleanly (sockets closed, documents flushed, database closed) when the host stops or quits.
 * Operations run one at a time, so a stop during a start waits for it rather than racing it.
 */
export class SeminarHosting {
  private running: Running | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: SeminarHostingOptions) {}

  status(): HostingStatus {
    const running = this.running
    if (!running) return NOT_HOSTING
    return {
      state: 'hosting',
      serverUrl: running.serverUrl,
      canStop: true,
      seminars: [...running.hosted],
    }
  }

  get isRunning(): boolean {
    return this.running !== null
  }

  /**
   * Starts the servers when they are not running, then opens a seminar on the request's article.
   * A port that cannot be used is an outcome the host can act on, not an exception.
   */
  host(request: HostSeminarRequest): Promise<HostSeminarOutcome> {
    return this.serially(async () => {
      const started = await this.startNow(
        { fileName: 'article', article: request.article },
        request.port ?? DEFAULT_HOSTING_PORT,
      )
      if (!started.ok) return started
      const seminar = await this.createNow(started.running, request)
      return { ok: true, seminar }
    })
  }

  /**
   * Starts the servers on `port` without opening a seminar, so the seminars already in the data
   * folder are served again. The article is what the server's start page shows.
   */
  start(
    article: OpenedArticle,
    port = DEFAULT_HOSTING_PORT,
  ): Promise<{ ok: true; status: HostingStatus } | { ok: false; problem: HostingProblem }> {
    return this.serially(async () => {
      const started = await this.startNow(article, port)
      return started.ok ? { ok: true, status: this.status() } : started
    })
  }

  /** Closes every connection, flushes what is open and closes the database; safe to repeat. */
  stop(): Promise<HostingStatus> {
    return this.serially(async () => {
      const running = this.running
      this.running = null
      if (running) {
        try {
          await running.web.close()
        } finally {
          await running.seminars.close()
        }
      }
      return NOT_HOSTING
    })
  }

  private async startNow(
    article: OpenedArticle,
    port: number,
  ): Promise<{ ok: true; running: Running } | { ok: false; problem: HostingProblem }> {
    if (this.running) return { ok: true, running: this.running }
    const dataDir = await prepareDataDir(this.options.dataDir)
    let serverUrl = ''
    const seminars = await openSeminarServer({
      dataDir,
      defaultArticle: article.article,
      publicUrl: () => serverUrl,
    })
    let web: RunningWebServer
    try {
      web = await startWebServer({
        webRoot: this.options.webRoot,
        article,
        version: this.options.version,
        host: this.options.host ?? HOSTING_LISTEN_HOST,
        port,
        seminars,
      })
    } catch (error) {
      await seminars.close()
      const problem = portProblem(error, port)
      if (problem) return { ok: false, problem }
      throw error
    }
    const interfaces = (this.options.interfaces ?? networkInterfaces)()
    serverUrl = publicBaseUrl(web.url, studentFacingInterfaces(interfaces))
    this.running = { web, seminars, serverUrl, hosted: [] }
    return { ok: true, running: this.running }
  }

  private async createNow(running: Running, request: HostSeminarRequest): Promise<HostedSeminar> {
    try {
      const created = await running.seminars.createSeminar({
        title: request.title,
        article: request.article,
        settings: request.settings,
        ...(request.instructorName !== undefined && { instructorName: request.instructorName }),
      })
      const seminar: HostedSeminar = { ...created, title: request.title }
      running.hosted.push(seminar)
      return seminar
    } catch (error) {
      // The service words what is wrong with the article for an API client; it reads as well here.
      if (error instanceof ApiProblem) throw new Error(error.message, { cause: error })
      throw error
    }
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation)
    this.queue = next.catch(() => undefined)
    return next
  }
}

/** The listen failures the host can fix by choosing another port. */
function portProblem(error: unknown, port: number): HostingProblem | null {
  for (let current = error, depth = 0; current !== undefined && depth < 3; depth++) {
    const code = errorCode(current)
    if (code === 'EADDRINUSE') return { kind: 'port-in-use', port }
    if (code === 'EACCES') return { kind: 'port-forbidden', port }
    current = current instanceof Error ? current.cause : undefined
  }
  return null
}

/** Bridges of containers and virtual machines: their addresses are not on the classroom's LAN. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|cni|flannel|podman|lxc|lxd)/i

/**
 * The interfaces students may reach this computer on: not the bridges Docker or a virtual machine
 * adds (often listed before the Wi-Fi card), and no link-local address (169.254.x.x, which only
 * means the network gave none). When nothing is left, every interface is kept as it was.
 */
export function studentFacingInterfaces(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): NodeJS.Dict<NetworkInterfaceInfo[]> {
  const kept = Object.entries(interfaces).flatMap(([name, infos]) => {
    if (VIRTUAL_INTERFACE.test(name)) return []
    const usable = (infos ?? []).filter((info) => !info.address.startsWith('169.254.'))
    return usable.length > 0 ? [[name, usable] as const] : []
  })
  const hasLan = kept.some(([, infos]) =>
    infos.some((info) => !info.internal && info.family === 'IPv4'),
  )
  return hasLan ? Object.fromEntries(kept) : interfaces
}
