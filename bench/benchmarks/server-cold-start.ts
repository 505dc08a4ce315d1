import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATABASE_FILE_NAME } from '../../src/server/seminar/seminar-database'
import type { Benchmark } from '../harness/benchmark'
import { measured } from '../harness/figure'
import { repeat } from '../harness/repeat'
import { median } from '../harness/statistics'
import { startHamishProcess, waitForHealth } from '../server/hamish-process'
import { createSeminar } from '../server/seminar-client'

/**
 * Issue 7, item 4 (first half): `hamish serve` started afresh over a data folder holding 100
 * seminars, timed from spawn to its first `/api/health` answer, against the same start over a
 * data folder with none (initialised by one earlier start). Reading the database file's bytes raw is reported in the note as the floor.
 */

const SEMINARS = 100

/** Milliseconds from spawning `hamish serve` to its first answer on `/api/health`. */
async function timeColdStart(dataDir: string): Promise<number> {
  const start = performance.now()
  const server = await startHamishProcess(dataDir)
  try {
    await waitForHealth(server.url)
    return performance.now() - start
  } finally {
    await server.stop()
  }
}

async function storeSeminars(dataDir: string, count: number): Promise<void> {
  const server = await startHamishProcess(dataDir)
  try {
    for (let i = 0; i < count; i++) {
      await createSeminar(server.url, server.adminToken, `Bench seminar ${i + 1}`)
    }
  } finally {
    await server.stop()
  }
}

export const serverColdStart: Benchmark = {
  name: 'server-storage',
  title: 'Server cold start',
  needsWebBuild: true,
  async run({ choose, log }) {
    const stored = await mkdtemp(join(tmpdir(), 'hamish-bench-stored-'))
    const empty = await mkdtemp(join(tmpdir(), 'hamish-bench-empty-'))
    try {
      log(`storing ${SEMINARS} seminars through the seminar API`)
      await storeSeminars(stored, SEMINARS)
      // Started once, so that its timed starts, like the stored folder's, find a database and
      // secrets to open rather than create.
      await storeSeminars(empty, 0)
      const repetitions = choose(
        { warmup: 1, runs: 3, budgetMs: 8_000 },
        { warmup: 1, runs: 10, budgetMs: 40_000 },
      )
      // Alternated run by run, so that the machine's drift falls on both alike.
      const pairs = await repeat(repetitions, async (index) => {
        if (index % 2 === 0) return [await timeColdStart(stored), await timeColdStart(empty)]
        const none = await timeColdStart(empty)
        return [await timeColdStart(stored), none]
      })
      const runs = pairs.map(([withSeminars]) => withSeminars!)
      const baseline = pairs.map(([, withNone]) => withNone!)
      const databaseFile = join(stored, DATABASE_FILE_NAME)
      let bytes = 0
      const raw = await repeat({ warmup: 1, runs: 10, budgetMs: 2_000 }, async () => {
        const start = performance.now()
        bytes = (await readFile(databaseFile)).byteLength
        return performance.now() - start
      })
      return [
        measured({
          id: 'storage.server-cold-start',
          name: `Server cold start, ${SEMINARS} seminars stored`,
          unit: 'ms',
          runs,
          baseline: { name: '`hamish serve` with no seminars stored', runs: baseline },
          note: `node bin/hamish.mjs serve, spawn to first 200 on /api/health; the ${(bytes / 1e6).toFixed(1)} MB database file read raw (fs.readFile) takes ${median(raw).toFixed(2)} ms`,
        }),
      ]
    } finally {
      await Promise.all([stored, empty].map((dir) => rm(dir, { recursive: true, force: true })))
    }
  },
}
