import { join } from 'node:path'
import { appDataDir } from './app-data-dir'
import { writeStdout } from './cli-output'
import { prepareDataDir } from './data-dir'
import { loadArticleFile, loadBundledArticle } from './load-article'
import { findHamishPackage } from './package-root'
import { nextShutdownSignal } from './shutdown-signal'
import { startWebServer } from './web-server'

export interface ServeOptions {
  host: string
  port: number
  /** Where seminars are kept; defaults to the OS's per-user app-data folder. */
  data?: string
  /** The article to serve; defaults to the bundled one. */
  article?: string
  /** The built web app; defaults to `dist/web` in the package. */
  webRoot?: string
}

/**
 * `hamish serve`: checks everything it was given before listening (the article, the data
 * folder, the web build), then serves until SIGINT or SIGTERM and closes cleanly.
 */
export async function runServe(options: ServeOptions): Promise<void> {
  const hamish = findHamishPackage()
  const opened = options.article
    ? await loadArticleFile(options.article)
    : await loadBundledArticle()
  await prepareDataDir(options.data ?? appDataDir())
  const server = await startWebServer({
    webRoot: options.webRoot ?? join(hamish.root, 'dist', 'web'),
    article: opened,
    version: hamish.version,
    host: options.host,
    port: options.port,
  })
  const title = opened.article.meta.title.replace(/\s+/g, ' ').trim() || opened.fileName
  await writeStdout(`Hamish is serving "${title}" at ${server.url}\n`)
  await nextShutdownSignal()
  await server.close()
}
