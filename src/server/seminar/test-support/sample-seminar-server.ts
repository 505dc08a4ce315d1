import { sampleArticle } from '../../../core/article/sample-article'
import { startWebServer, type RunningWebServer } from '../../web-server'
import { openSeminarServer, type SeminarServer, type SeminarServerOptions } from '../seminar-server'

export interface SampleSeminarServerOptions {
  dataDir: string
  webRoot: string
  port?: number
  host?: string
  /** Anything else of the seminar server's options (a clock, rate limits…). */
  seminar?: Partial<Omit<SeminarServerOptions, 'dataDir' | 'defaultArticle' | 'publicUrl'>>
}

export interface SampleSeminarServer {
  seminars: SeminarServer
  web: RunningWebServer
}

/**
 * What `hamish serve` runs, on the sample article, for tests: the seminar server on a web
 * server, its links pointing at wherever the web server listens.
 */
export async function startSampleSeminarServer(
  options: SampleSeminarServerOptions,
): Promise<SampleSeminarServer> {
  let url = ''
  const seminars = await openSeminarServer({
    ...options.seminar,
    dataDir: options.dataDir,
    defaultArticle: sampleArticle(),
    publicUrl: () => url,
  })
  const web = await startWebServer({
    webRoot: options.webRoot,
    article: { fileName: 'sample.txt', article: sampleArticle() },
    version: '0.0.0-test',
    port: options.port ?? 0,
    ...(options.host !== undefined && { host: options.host }),
    seminars,
  })
  url = web.url
  return { seminars, web }
}
