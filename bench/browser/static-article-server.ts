import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import sirv from 'sirv'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import { staticArticleHtml } from './static-article'

export interface StaticArticleServer {
  /** The static page of the article. */
  readonly pageUrl: string
  /** The server's root: an origin where no app script runs. */
  readonly url: string
  close(): Promise<void>
}

export const STATIC_PAGE_PATH = '/article.html'

/**
 * Serves the static article page, and the built app's assets (its stylesheet and fonts) beside
 * it, from loopback, with Node's HTTP server and sirv as `hamish serve` does.
 */
export async function startStaticArticleServer(
  webRoot: string,
  article: ArticleDoc,
): Promise<StaticArticleServer> {
  const index = await readFile(join(webRoot, 'index.html'), 'utf8')
  const stylesheet = /href="\.?\/?(assets\/[^"]+\.css)"/.exec(index)?.[1]
  if (stylesheet === undefined)
    throw new Error(`No stylesheet is linked from ${webRoot}/index.html.`)
  const html = staticArticleHtml(article, `/${stylesheet}`)
  const assets = sirv(webRoot, { etag: true })
  const server = createServer((req, res) => {
    if (req.url === STATIC_PAGE_PATH) {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
      })
      res.end(html)
      return
    }
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('Not found')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    pageUrl: new URL(STATIC_PAGE_PATH, url).href,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
