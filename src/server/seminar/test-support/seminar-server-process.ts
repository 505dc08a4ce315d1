/**
 * A seminar server in a process of its own, for tests that kill it (SIGKILL: no shutdown, no
 * compaction). Arguments: data folder, web root. Prints `{ "url": … }` once listening.
 */
import { startSampleSeminarServer } from './sample-seminar-server'

const [dataDir, webRoot] = process.argv.slice(2)
if (!dataDir || !webRoot) throw new Error('usage: seminar-server-process <data dir> <web root>')

const { web } = await startSampleSeminarServer({ dataDir, webRoot })
process.stdout.write(`${JSON.stringify({ url: web.url })}\n`)
