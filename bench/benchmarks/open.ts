import type { Benchmark } from '../harness/benchmark'
import { measured } from '../harness/figure'
import { repeat } from '../harness/repeat'
import { loadUntilReady, readyCondition } from '../browser/reader-load'

/**
 * Issue 7, item 1: the bundled article from navigation to interactive in the app, against the
 * same text as a static page. Each load is a first visit: a fresh profile, nothing cached, so
 * the app also seeds the article into IndexedDB as a first open does.
 */
export const open: Benchmark = {
  name: 'open',
  title: 'Open',
  needsWebBuild: true,
  async run({ fixtures, choose, log }) {
    const [browser, server, staticServer, article] = await Promise.all([
      fixtures.browser(),
      fixtures.hamishServer(),
      fixtures.staticServer(),
      fixtures.article(),
    ])
    const condition = readyCondition(article)
    const timeLoad = async (url: string) => {
      const loaded = await loadUntilReady(browser, { url, condition, log })
      await loaded.close()
      return loaded.readyMs
    }
    const pairs = await repeat(
      choose({ warmup: 1, runs: 3, budgetMs: 20_000 }, { warmup: 2, runs: 15, budgetMs: 120_000 }),
      async () => ({ app: await timeLoad(server.url), page: await timeLoad(staticServer.pageUrl) }),
    )
    return [
      measured({
        id: 'open.interactive',
        name: 'Open: bundled article, navigation → interactive',
        unit: 'ms',
        runs: pairs.map((pair) => pair.app),
        baseline: { name: 'static HTML', runs: pairs.map((pair) => pair.page) },
        target: { kind: 'ratio-at-most', value: 1.5 },
        note: 'from navigation start to the first animation frame in which the title (`[data-testid="article"] h1[data-role="title"]`) is visible and text from the first, middle and last blocks is in the article; the baseline is the article’s blocks as plain HTML with the app’s stylesheet and fonts and no script, served from loopback by Node’s HTTP server and sirv like `hamish serve`',
      }),
    ]
  },
}
