import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Duplex, Readable } from 'node:stream'
import sirv from 'sirv'
import { linkLandingPath } from '../core/seminar/seminar-links'
import type { OpenedArticle } from '../core/platform'
import { answerCors } from './api-cors'
import { appPage, type AppPage } from './app-page'
import { createApiHandler, isApiPath } from './api-routes'
import { errorCode } from './error-code'
import { ExitCode, HamishError } from './hamish-error'
import { isTrustedHostHeader } from './host-check'
import { sendText } from './http-response'
import { setSecurityHeaders } from './security-headers'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 4321

/** Whether the address is the app's page: an HTML file, or a path of no file (an app route). */
function isPagePath(pathname: string): boolean {
  return pathname.endsWith('.html') || !/\.[^/]+$/.test(pathname)
}

export interface WebServerOptions {
  /** The built web app: a folder with index.html and its assets (`dist/web`). */
  webRoot: string
  /** The article `GET /api/article` answers with. */
  article: OpenedArticle
  /** Hamish's version, for `GET /api/health`. */
  version: string
  /** Defaults to 127.0.0.1: this machine only. */
  host?: string
  /** Defaults to 4321; 0 picks any free port. */
  port?: number
  /** The seminar API (`/api/seminars…`) and sync WebSocket (`/sync`); none when absent. */
  seminars?: SeminarEndpoints
}

/** What the web server needs of the seminar server (`openSeminarServer`). */
export interface SeminarEndpoints {
  handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): void
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes the WebSockets, which would otherwise keep the HTTP server from closing. */
  closeConnections(): Promise<void>
}

export interface RunningWebServer {
  /** Where a browser reaches the app, with the port actually bound, e.g. `http://127.0.0.1:4321/`. */
  url: string
  port: number
  /** Stops listening and drops open connections; safe to call more than once. */
  close(): Promise<void>
}

/**
 * Serves the web app and its API on one port. Resolves once listening; rejects with a
 * `HamishError` when the web app is not built or the address cannot be used.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const host = options.host ?? DEFAULT_HOST
  const requestedPort = options.port ?? DEFAULT_PORT
  const indexPath = join(options.webRoot, 'index.html')
  if (!existsSync(indexPath)) {
    throw new HamishError(
      `the web app is not built (there is no index.html in "${options.webRoot}"): run \`npm run build\` first.`,
      ExitCode.noInput,
    )
  }
  const page = appPage(readFileSync(indexPath, 'utf8'), options.article)

  const server = createServer(createRequestHandler(options, host, page))
  server.on('upgrade', createUpgradeHandler(options.seminars, host))
  await listen(server, host, requestedPort)
  const { port } = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close() {
      closing ??= (async () => {
        await options.seminars?.closeConnections()
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()))
          // Keep-alive connections would otherwise hold `close` open for seconds.
          server.closeAllConnections()
        })
      })()
      return closing
    },
  }
}

function createRequestHandler(
  options: WebServerOptions,
  host: string,
  page: AppPage,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { seminars } = options
  const api = createApiHandler({
    article: options.article,
    version: options.version,
    ...(seminars && { seminars: (req, res, pathname) => seminars.handleApi(req, res, pathname) }),
  })
  const staticFiles = sirv(options.webRoot, {
    etag: true,
    setHeaders(res, pathname) {
      // Vite puts content-hashed names under /assets/, so those never change; the rest must be
      // revalidated to pick up a new build.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
    onNoMatch(req, res) {
      sendText(res, 404, `Not found: ${req.url ?? '/'}`)
    },
  })

  return (req, res) => {
    setSecurityHeaders(res)
    if (!isTrustedHostHeader(req.headers.host, host)) {
      sendText(res, 403, `This Hamish server only answers requests addressed to ${host}.`)
      return
    }
    const pathname = pathnameOf(req)
    if (pathname === null) {
      sendText(res, 400, 'Bad request: the address cannot be parsed.')
      return
    }
    if (isApiPath(pathname)) {
      // After the Host check, so a rebound name gets no CORS answer from a loopback server.
      if (answerCors(req, res, pathname)) return
      api(req, res, pathname)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      sendText(res, 405, `${req.method} is not allowed here: the web app is read with GET.`)
      return
    }
    const landing = linkLandingPath(pathname)
    if (landing) {
      res.writeHead(302, { Location: landing, 'Cache-Control': 'no-store' }).end()
      return
    }
    if (isPagePath(pathname)) {
      sendPage(req, res, page)
      return
    }
    // sirv pipes a file stream into the response without listening for its errors: a file
    // removed by a rebuild after start would otherwise crash the whole server.
    res.once('pipe', (source: Readable) => source.once('error', () => res.destroy()))
    staticFiles(req, res)
  }
}

/** The app's page, for every route of the single-page app; revalidated on each visit. */
function sendPage(req: IncomingMessage, res: ServerResponse, page: AppPage): void {
  res.setHeader('Cache-Control', 'no-cache')
  res.setHeader('ETag', page.etag)
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304).end()
    return
  }
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': page.bytes.length,
  })
  res.end(req.method === 'HEAD' ? undefined : page.bytes)
}

/** WebSocket upgrades go to the seminar server, under the same Host rule as every request. */
function createUpgradeHandler(
  seminars: SeminarEndpoints | undefined,
  host: string,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    if (seminars && isTrustedHostHeader(req.headers.host, host)) {
      seminars.handleUpgrade(req, socket, head)
      return
    }
    const status = seminars ? '403 Forbidden' : '404 Not Found'
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  }
}

function pathnameOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname
  } catch {
    return null
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(listenError(error, host, port))
    server.once('error', onError)
    server.listen({ host, port }, () => {
      server.off('error', onError)
      resolve()
    })
  })
}

function listenError(error: Error, host: string, port: number): Error {
  const useHost = 'pass --host 127.0.0.1 (this machine only) or 0.0.0.0 (every network)'
  switch (errorCode(error)) {
    case 'EADDRINUSE':
      return new HamishError(
        `port ${port} is already in use: pass --port with another number (or 0 for any free port).`,
        ExitCode.unavailable,
        { cause: error },
      )
    case 'EACCES':
      return new HamishError(
        `port ${port} needs administrator rights here: pass --port with a number above 1023 (or 0 for any free port).`,
        ExitCode.unavailable,
        { cause: error },
      )
    case 'EADDRNOTAVAIL':
      return new HamishError(
        `cannot listen on "${host}": it is not an address of this machine; ${useHost}.`,
        ExitCode.unavailable,
        { cause: error },
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new HamishError(
        `cannot listen on "${host}": no such host name; ${useHost}.`,
        ExitCode.unavailable,
        { cause: error },
      )
    default:
      return error
  }
}
