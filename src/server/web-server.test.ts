import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenedArticle } from '../core/platform'
import { ExitCode } from './hamish-error'
import { startupArticleElement } from '../core/startup-article-element'
import { CONTENT_SECURITY_POLICY } from './security-headers'
import { startWebServer, type RunningWebServer } from './web-server'
import { sampleArticle } from '../core/article/sample-article'

const webRoot = mkdtempSync(join(tmpdir(), 'hamish-web-root-'))
const HEAD = '<!doctype html><head><title>Hamish</title>'
const BODY = '</head><body><div id="root"></div></body>'
const INDEX_HTML = HEAD + BODY

const opened: OpenedArticle = { fileName: 'paper.ar.txt', article: sampleArticle() }

let server: RunningWebServer

beforeAll(async () => {
  writeFileSync(join(webRoot, 'index.html'), INDEX_HTML)
  mkdirSync(join(webRoot, 'assets'))
  writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)')
  server = await startWebServer({ webRoot, article: opened, version: '9.8.7', port: 0 })
})

afterAll(async () => {
  await server.close()
  rmSync(webRoot, { recursive: true, force: true })
})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http rather than fetch, which cannot set the Host header. */
function get(
  path: string,
  options: { method?: string; host?: string; ifNoneMatch?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          host: options.host ?? `127.0.0.1:${server.port}`,
          ...(options.ifNoneMatch && { 'if-none-match': options.ifNoneMatch }),
        },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('startWebServer', () => {
  it('reports the URL with the port it bound', () => {
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
  })

  it('answers /api/article with the opened article', async () => {
    const answer = await get('/api/article')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(answer.body)).toEqual(opened)
  })

  it('answers /api/health with the version', async () => {
    const answer = await get('/api/health')
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ ok: true, version: '9.8.7' })
  })

  it('answers an unknown API path with a JSON 404, not the app', async () => {
    for (const path of ['/api/x', '/api', '/api/article/more']) {
      const answer = await get(path)
      expect(answer.status).toBe(404)
      expect(JSON.parse(answer.body)).toEqual({ error: `there is no API endpoint ${path}.` })
    }
  })

  it('refuses other methods on the API with 405 and Allow', async () => {
    const answer = await get('/api/article', { method: 'POST' })
    expect(answer.status).toBe(405)
    expect(answer.headers['allow']).toBe('GET, HEAD')
    expect(JSON.parse(answer.body)).toHaveProperty('error')
  })

  it('serves the web app, with index.html carrying the article for the app routes', async () => {
    for (const path of ['/', '/index.html', '/reading/abc']) {
      const answer = await get(path)
      expect(answer.status).toBe(200)
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(answer.headers['cache-control']).toBe('no-cache')
      expect(answer.body).toBe(HEAD + startupArticleElement(opened) + BODY)
    }
  })

  it('answers HEAD for the page without a body, and a revalidation with 304', async () => {
    const page = await get('/')
    const head = await get('/', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(page.body)))
    const again = await get('/', { ifNoneMatch: String(page.headers['etag']) })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
  })

  it("sends seminar link paths to the app's page, where its relative assets load", async () => {
    const join = await get('/join/abc')
    expect(join.status).toBe(302)
    expect(join.headers['location']).toBe('../?join=abc')
    expect((await get('/seminar/abc')).headers['location']).toBe('../?seminar=abc')
  })

  it('lets hashed assets be cached for good', async () => {
    const answer = await get('/assets/app-1234.js')
    expect(answer.status).toBe(200)
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('answers a missing file with 404, not index.html', async () => {
    const answer = await get('/assets/missing.js')
    expect(answer.status).toBe(404)
    expect(answer.body).not.toContain('<!doctype')
  })

  it('sends the security headers with every response', async () => {
    for (const path of ['/', '/api/article', '/api/nothing', '/assets/missing.js']) {
      const { headers } = await get(path)
      expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['referrer-policy']).toBe('no-referrer')
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })

  it('does not answer a request for another host name (DNS rebinding)', async () => {
    const answer = await get('/api/article', { host: `evil.example:${server.port}` })
    expect(answer.status).toBe(403)
    expect(answer.body).not.toContain('الدبلوماسية')
    expect((await get('/api/health', { host: `localhost:${server.port}` })).status).toBe(200)
  })

  it('says when the port is taken', async () => {
    await expect(
      startWebServer({ webRoot, article: opened, version: '1', port: server.port }),
    ).rejects.toMatchObject({
      message: `port ${server.port} is already in use: pass --port with another number (or 0 for any free port).`,
      exitCode: ExitCode.unavailable,
    })
  })

  it('says when the web app is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hamish-no-web-'))
    try {
      await expect(
        startWebServer({ webRoot: empty, article: opened, version: '1', port: 0 }),
      ).rejects.toMatchObject({
        message: `the web app is not built (there is no index.html in "${empty}"): run \`npm run build\` first.`,
      })
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('stops listening on close, and may be closed twice', async () => {
    const other = await startWebServer({ webRoot, article: opened, version: '1', port: 0 })
    expect((await fetch(`${other.url}api/health`)).status).toBe(200)
    await other.close()
    await other.close()
    // The port is free again: something else can listen on it.
    await new Promise<void>((resolve, reject) => {
      const probe = createServer()
      probe.once('error', reject)
      probe.listen(other.port, '127.0.0.1', () => probe.close(() => resolve()))
    })
  })
})
