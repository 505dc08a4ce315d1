import { createHash } from 'node:crypto'
import type { OpenedArticle } from '../core/platform'
import { startupArticleElement } from '../core/startup-article-element'

/** The web app's page as `hamish serve` sends it: the built index.html, carrying the article. */
export interface AppPage {
  readonly bytes: Buffer
  /** Changes with the page, so a browser's copy is revalidated cheaply. */
  readonly etag: string
}

/**
 * Puts the article into the page: at the end of its head, or at its end when it has no
 * `</head>`. The app's module script runs once the whole page is parsed, so either way the
 * element is there for it.
 */
export function appPage(indexHtml: string, opened: OpenedArticle): AppPage {
  const element = startupArticleElement(opened)
  const at = indexHtml.indexOf('</head>')
  const html =
    at < 0 ? indexHtml + element : `${indexHtml.slice(0, at)}${element}${indexHtml.slice(at)}`
  const bytes = Buffer.from(html, 'utf8')
  return { bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url')}"` }
}
