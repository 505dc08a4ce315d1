/**
 * A seminar server in a process of its own, for tests that kill it (SIGKILL: no shutdown, no
 * compaction). Arguments: data folder, web root. Prints `{ "url": … }` once listening.
 */
import { sampleArticle } from '../../../core/article/sample-article'
import { startWebServer } from '../../web-server'
import { openSeminarServer } from '../seminar-server'

const [dataDir, webRoot] = process.argv.slice(2)
if (!dataDir || !webRoot) throw new Error('usage: seminar-server-process <data dir> <web root>')

let url = ''
const seminars = await openSeminarServer({
  dataDir,
  defaultArticle: sampleArticle(),
  publicUrl: () => url,
})
const web = await startWebServer({
  webRoot,
  article: { fileName: 'sample.txt', article: sampleArticle() },
  version: '0.0.0-test',
  port: 0,
  seminars,
})
url = web.url
process.stdout.write(`${JSON.stringify({ url })}\n`)
