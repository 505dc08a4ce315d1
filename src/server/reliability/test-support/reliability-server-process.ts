/**
 * `hamish serve`'s server in a process of its own, for the reliability tests: they kill it
 * (SIGKILL), fill its disk and measure its memory from outside, where a crash or a leak cannot
 * hide in the test runner's own process.
 *
 * Arguments: data folder, web root, port (0 for any). Prints one JSON line `{ "url": … }` once
 * listening; a start that fails prints `hamish: <message>` on stderr and exits with the error's
 * code, as the CLI does. Then it takes one JSON command a line on stdin and answers each with
 * one JSON line on stdout:
 * - `{ "fault": "full" | "readonly" | "none" }` makes SQLite itself refuse writes on the
 *   server's own connection, as a full disk (SQLITE_FULL, through `max_page_count`) or a
 *   read-only one (SQLITE_READONLY, through `query_only`) would; "none" lifts it.
 * - `{ "memory": true }` answers `{ "rss": …, "heapUsed": …, "arrayBuffers": … }` in bytes, after a
 *   full GC.
 */
import { createInterface } from 'node:readline'
import { DatabaseSync } from 'node:sqlite'
import { reportError } from '../../cli-errors'
import { startSampleSeminarServer } from '../../seminar/test-support/sample-seminar-server'

export type Fault = 'full' | 'readonly' | 'none'
export type ServerCommand = { fault: Fault } | { memory: true }

const [dataDir, webRoot, port = '0'] = process.argv.slice(2)
if (!dataDir || !webRoot) throw new Error('usage: reliability-server-process <data> <web> [port]')

// The server keeps its connection to itself; the faults are injected on that very connection,
// caught here as the server opens it.
const connections: DatabaseSync[] = []
const exec = DatabaseSync.prototype.exec
DatabaseSync.prototype.exec = function (this: DatabaseSync, sql: string) {
  if (!connections.includes(this)) connections.push(this)
  return exec.call(this, sql)
}

let started
try {
  started = await startSampleSeminarServer({ dataDir, webRoot, port: Number(port) })
} catch (error) {
  process.exit(reportError(error))
}
DatabaseSync.prototype.exec = exec
const url = started.web.url
process.stdout.write(`${JSON.stringify({ url })}\n`)

function applyFault(fault: Fault): void {
  for (const db of connections) {
    if (!db.isOpen) continue
    if (fault === 'full') {
      // No room left in the file either: pages freed by an earlier compaction would otherwise
      // take a write that a full disk refuses (SQLite reuses them without growing the file),
      // so whether the test's change was refused depended on when compaction last ran.
      db.exec('VACUUM')
      const pages = Number(db.prepare('PRAGMA page_count').get()?.['page_count'])
      db.exec(`PRAGMA max_page_count = ${pages}`)
    } else {
      // The largest page count SQLite takes: no limit but the disk's.
      db.exec('PRAGMA max_page_count = 4294967294')
    }
    db.exec(`PRAGMA query_only = ${fault === 'readonly' ? 1 : 0}`)
  }
}

const gc = (globalThis as { gc?: () => void }).gc
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as ServerCommand
  if ('fault' in command) {
    applyFault(command.fault)
    process.stdout.write(`${JSON.stringify({ fault: command.fault })}\n`)
  } else {
    gc?.()
    const { rss, heapUsed, arrayBuffers } = process.memoryUsage()
    process.stdout.write(`${JSON.stringify({ rss, heapUsed, arrayBuffers })}\n`)
  }
}
// Stdin ends when the test runner that started this server is gone: leave no orphan behind.
process.exit(0)
