import type { Browser } from '@playwright/test'
import { startHamishServer, type RunningServer } from '../../e2e/support/hamish-server'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import { loadBundledArticle } from '../../src/server/load-article'
import { launchBenchChromium } from '../browser/chromium'
import { BENCH_READER } from '../browser/reader-identity'
import {
  startStaticArticleServer,
  type StaticArticleServer,
} from '../browser/static-article-server'
import { generateSyntheticSeminar, SEMINAR_SIZE, type SyntheticSeminar } from '../synthetic-seminar'

/** The seed of every synthetic seminar in the suite: change it and every figure changes. */
export const SEMINAR_SEED = 20261
/** Issue 3: "the seed article with 5,000 annotations opens to interactive in under 1 s". */
export const ISSUE_3_ANNOTATIONS = 5000

/**
 * What several benchmarks share, made on first use and closed once at the end: the article, the
 * synthetic seminars, the browser and the servers.
 */
export class Fixtures {
  private readonly made = new Map<string, Promise<unknown>>()
  private readonly closers: (() => Promise<void>)[] = []
  private launchedVersion: string | null = null

  constructor(
    /** The built web app, `dist/web`. */
    private readonly webRoot: string,
    private readonly log: (message: string) => void,
  ) {}

  article(): Promise<ArticleDoc> {
    return this.once('article', async () => (await loadBundledArticle()).article)
  }

  /** 60 students, each writing their own documents, as a synced seminar holds them. */
  seminar(): Promise<SyntheticSeminar> {
    return this.once('seminar', async () => {
      const article = await this.article()
      this.log('generating the synthetic seminar (one author per student)')
      return generateSyntheticSeminar(article, { seed: SEMINAR_SEED })
    })
  }

  /** The same seminar written as the bench reader, so the app shows it all (see Scale). */
  readerSeminar(): Promise<SyntheticSeminar> {
    return this.once('reader-seminar', async () => {
      const article = await this.article()
      this.log('generating the synthetic seminar (written as the reader)')
      return generateSyntheticSeminar(article, {
        seed: SEMINAR_SEED,
        ownerUserId: BENCH_READER.userId,
      })
    })
  }

  /**
   * The reader's seminar at issue 3's count, 5,000 annotations: the same 4,800 (same seed), with
   * the first of its replies only.
   */
  readerSeminarAtIssueCount(): Promise<SyntheticSeminar> {
    return this.once('reader-seminar-issue-count', async () => {
      const article = await this.article()
      this.log(`generating the synthetic seminar at ${ISSUE_3_ANNOTATIONS} annotations`)
      return generateSyntheticSeminar(article, {
        seed: SEMINAR_SEED,
        ownerUserId: BENCH_READER.userId,
        replies: ISSUE_3_ANNOTATIONS - SEMINAR_SIZE.students * SEMINAR_SIZE.annotationsPerStudent,
      })
    })
  }

  browser(): Promise<Browser> {
    return this.once(
      'browser',
      async () => {
        const browser = await launchBenchChromium()
        this.launchedVersion = browser.version()
        return browser
      },
      (browser) => browser.close(),
    )
  }

  /** The real `hamish serve`, on a free loopback port. */
  hamishServer(): Promise<RunningServer> {
    return this.once(
      'hamish-server',
      () => startHamishServer(),
      (server) => server.stop(),
    )
  }

  staticServer(): Promise<StaticArticleServer> {
    return this.once(
      'static-server',
      async () => startStaticArticleServer(this.webRoot, await this.article()),
      (server) => server.close(),
    )
  }

  /** The version of the Chromium used, or null when no benchmark needed one. */
  chromiumVersion(): string | null {
    return this.launchedVersion
  }

  async close(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) {
      try {
        await close()
      } catch (error) {
        this.log(`could not close a fixture: ${String(error)}`)
      }
    }
  }

  private once<T>(
    key: string,
    make: () => Promise<T>,
    close?: (value: T) => Promise<void>,
  ): Promise<T> {
    let value = this.made.get(key) as Promise<T> | undefined
    if (value === undefined) {
      value = make()
      this.made.set(key, value)
      if (close) {
        const made = value
        this.closers.push(async () => close(await made))
      }
    }
    return value
  }
}
