import { join } from 'node:path'
import { appDataDir } from './app-data-dir'
import { writeStdout } from './cli-output'
import { prepareDataDir } from './data-dir'
import { loadArticleFile, loadBundledArticle } from './load-article'
import { findHamishPackage } from './package-root'
import { ExitCode, HamishError } from './hamish-error'
import { publicBaseUrl } from './seminar/public-url'
import { openSeminarServer } from './seminar/seminar-server'
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
  /** The address students reach this server at, for join links; defaults to its LAN address. */
  publicUrl?: string
  /** A PostgreSQL database to keep seminars in, shared by several servers, instead of `data`. */
  database?: URL
  /** A Redis server through which servers on one database pass live changes. */
  redis?: URL
}

/**
 * `hamish serve`: checks everything it was given before listening (the article, the data
 * folder, the web build), then serves until SIGINT or SIGTERM and closes cleanly.
 */
export async function runServe(options: ServeOptions): Promise<void> {
  if (options.redis && !options.database) {
    throw new HamishError(
      '--redis passes changes between servers that share a database: pass --database too.',
      ExitCode.usage,
    )
  }
  const hamish = findHamishPackage()
  const opened = options.article
    ? await loadArticleFile(options.article)
    : await loadBundledArticle()
  // The data folder holds the SQLite store; a server on PostgreSQL keeps nothing there.
  const dataDir = options.database
    ? (options.data ?? appDataDir())
    : await prepareDataDir(options.data ?? appDataDir())
  let publicUrl = ''
  const seminars = await openSeminarServer({
    dataDir,
    defaultArticle: opened.article,
    publicUrl: () => publicUrl,
    ...(options.database ? { database: options.database } : {}),
    ...(options.redis ? { redis: options.redis } : {}),
  })
  try {
    const server = await startWebServer({
      webRoot: options.webRoot ?? join(hamish.root, 'dist', 'web'),
      article: opened,
      version: hamish.version,
      host: options.host,
      port: options.port,
      seminars,
    })
    publicUrl = options.publicUrl ?? publicBaseUrl(server.url)
    const title = opened.article.meta.title.replace(/\s+/g, ' ').trim() || opened.fileName
    await writeStdout(
      `Hamish is serving "${title}" at ${server.url}\n` +
        (publicUrl === server.url ? '' : `Seminar links point to ${publicUrl}\n`) +
        `Seminars are kept in ${seminars.storeLocation}\n` +
        `Admin token (to create seminars from another computer): ${seminars.adminToken}\n`,
    )
    await nextShutdownSignal()
    await server.close()
  } finally {
    await seminars.close()
  }
}
