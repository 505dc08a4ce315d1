import type { Page } from '@playwright/test'
import { docName } from '../../src/core/seminar/doc-names'
import { freshContext } from '../browser/chromium'
import { callInPage, injectPageScript } from '../browser/page-script'
import { storedDatabase } from '../browser/stored-database'
import type { BenchContext, Benchmark } from '../harness/benchmark'
import { measured, type Figure } from '../harness/figure'
import { repeat } from '../harness/repeat'
import type { StoredDatabase } from '../pages/page-api'
import { mergedClassUpdate, type SyntheticSeminar } from '../synthetic-seminar'

/**
 * Issue 7, item 4 (second half): reopening the stored seminar with y-indexeddb in Chromium,
 * against reading the same stored bytes from IndexedDB with no Yjs.
 */

const MERGED_NAME = 'bench:merged-class-doc'

function seminarDatabases(seminar: SyntheticSeminar): StoredDatabase[] {
  const { seminarId } = seminar.article
  return [
    storedDatabase(docName({ kind: 'article', seminarId }), [seminar.articleUpdate]),
    ...seminar.students.map((student) =>
      storedDatabase(docName({ kind: 'user', seminarId, userId: student.userId, scope: 'class' }), [
        student.classUpdate,
      ]),
    ),
  ]
}

async function compare(
  context: BenchContext,
  page: Page,
  names: string[],
  expectedAnnotations: number,
): Promise<{ reopen: number[]; raw: number[] }> {
  const runs = await repeat(
    context.choose(
      { warmup: 1, runs: 3, budgetMs: 10_000 },
      { warmup: 2, runs: 15, budgetMs: 60_000 },
    ),
    async (index) => {
      // Alternate which goes first, so neither always finds the other's pages in cache.
      const reopenFirst = index % 2 === 0
      const raw = reopenFirst ? null : await callInPage(page, 'readRaw', names)
      const reopened = await callInPage(page, 'reopenWithYIndexedDb', names)
      const rawAfter = raw ?? (await callInPage(page, 'readRaw', names))
      if (reopened.annotations !== expectedAnnotations) {
        throw new Error(
          `reopened ${reopened.annotations} annotations, expected ${expectedAnnotations}`,
        )
      }
      return { reopen: reopened.ms, raw: rawAfter.ms }
    },
  )
  return { reopen: runs.map((r) => r.reopen), raw: runs.map((r) => r.raw) }
}

async function run(context: BenchContext): Promise<Figure[]> {
  const { fixtures } = context
  const [browser, server, seminar] = await Promise.all([
    fixtures.browser(),
    fixtures.staticServer(),
    fixtures.seminar(),
  ])
  const total = seminar.students.reduce((n, student) => n + student.annotations.length, 0)
  const databases = seminarDatabases(seminar)
  const merged = storedDatabase(MERGED_NAME, [mergedClassUpdate(seminar)])
  const browserContext = await freshContext(browser)
  try {
    const page = await browserContext.newPage()
    // Any page of a loopback origin where no app script runs will do.
    await page.goto(server.pageUrl)
    await injectPageScript(page, 'idb-prefill')
    await injectPageScript(page, 'storage-probes')
    await callInPage(page, 'prefill', [...databases, merged], {})
    const all = await compare(
      context,
      page,
      databases.map((database) => database.name),
      total,
    )
    const one = await compare(context, page, [MERGED_NAME], total)
    const baselineName = 'raw IndexedDB read'
    return [
      measured({
        id: 'storage.reopen-seminar',
        name: `Storage: y-indexeddb reopen, seminar in ${databases.length} docs`,
        unit: 'ms',
        runs: all.reopen,
        baseline: { name: baselineName, runs: all.raw },
        note: `in Chromium: a Y.Doc and an IndexeddbPersistence per document (the article and the 60 students' class documents, ${total.toLocaleString('en-US')} annotations, one compacted update each), all opened at once, until every whenSynced; the baseline opens the same databases and reads every stored update with getAll, without Yjs`,
      }),
      measured({
        id: 'storage.reopen-one-doc',
        name: 'Storage: y-indexeddb reopen, seminar in one doc',
        unit: 'ms',
        runs: one.reopen,
        baseline: { name: baselineName, runs: one.raw },
        note: 'the same annotations merged into one document, as the Scale reader holds them',
      }),
    ]
  } finally {
    await browserContext.close()
  }
}

export const storage: Benchmark = {
  name: 'storage',
  title: 'Storage',
  needsWebBuild: true,
  run,
}
