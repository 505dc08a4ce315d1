import type { Browser, Page } from '@playwright/test'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import { articlePlainText } from '../../src/core/article'
import type { ReadyCondition, StoredDatabase } from '../pages/page-api'
import { untilMachineQuiet } from '../harness/quiet-machine'
import { freshContext } from './chromium'
import { callInPage, pageScript, injectPageScript } from './page-script'

/** The reader's article element and its title, as the e2e page object finds them. */
export const ARTICLE_SELECTOR = '[data-testid="article"]'
export const TITLE_SELECTOR = `${ARTICLE_SELECTOR} h1[data-role="title"]`

const MARKER_LENGTH = 24
const READY_TIMEOUT_MS = 120_000
const POLL_MS = 50

/**
 * Pieces of the first, middle and last blocks of the article: when all three are in the page,
 * the whole text is (the reader renders the document in one piece).
 */
export function textMarkers(article: ArticleDoc): string[] {
  const blocks = articlePlainText(article.content)
    .split('\n\n')
    .map((block) => block.split('\n')[0]!.trim())
    .filter((block) => block.length >= 8)
  const picks = [blocks[0], blocks[Math.floor(blocks.length / 2)], blocks[blocks.length - 1]]
  return picks.filter((block) => block !== undefined).map((block) => block.slice(0, MARKER_LENGTH))
}

export function readyCondition(article: ArticleDoc, minHighlights = 0): ReadyCondition {
  return {
    visibleSelector: TITLE_SELECTOR,
    textSelector: ARTICLE_SELECTOR,
    markers: textMarkers(article),
    minHighlights,
  }
}

export interface LoadedPage {
  readonly page: Page
  /** Milliseconds from navigation start to the first frame with the title and whole text. */
  readonly shownMs: number
  /** Milliseconds from navigation start to the first frame where the whole condition held. */
  readonly readyMs: number
  /**
   * Milliseconds from navigation start to the first frame with the first screen complete: the
   * text shown and every highlight and card in view rendered.
   */
  readonly interactiveMs: number
  /** The longest task between those two frames; null where the browser does not report it. */
  readonly longestTaskWhileDrawingMs: number | null
  close(): Promise<void>
}

export interface LoadOptions {
  readonly url: string
  readonly condition: ReadyCondition
  /**
   * Stored before navigating, from a page of the same origin where the app does not run
   * (`prefillFrom`): IndexedDB databases and localStorage entries.
   */
  readonly prefill?: {
    readonly prefillFrom: string
    readonly databases: readonly StoredDatabase[]
    readonly localStorage: Readonly<Record<string, string>>
  }
  /**
   * How often the page is opened in the same profile before the timed load, each time until
   * ready and until the app's offline worker has kept its files: a returning reader, whose
   * browser serves the app from that cache with its compiled code (as the desktop app starts
   * from disk with its code cache). 0, a first visit, when absent.
   */
  readonly visitsBefore?: number
  /** The benchmark's progress log, told when a load had to start on a busy machine. */
  readonly log: (message: string) => void
  /**
   * Records a Chromium trace of the timed load alone (started after the prefill, the earlier
   * visits and the quiet wait; stopped once the page is ready), handed to `onTrace`. Tracing
   * slows the page, so a traced load's milestones are not the benchmark's figures.
   */
  readonly trace?: {
    readonly categories: readonly string[]
    readonly onTrace: (trace: Buffer) => void
  }
}

const KEPT_TIMEOUT_MS = 30_000

/** Whether the offline worker has kept the script the page started from. */
function appKept(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src*="/app-"]')
    if (!entry) return false
    for (const name of await caches.keys()) {
      if (await (await caches.open(name)).match(entry.src)) return true
    }
    return false
  })
}

/** Opens the page until ready, then waits for its offline worker to have kept the app. */
async function visit(page: Page, url: string): Promise<void> {
  await openUntilReady(page, url)
  const deadline = performance.now() + KEPT_TIMEOUT_MS
  while (!(await appKept(page))) {
    if (performance.now() > deadline) {
      throw new Error(
        `the offline worker of ${url} did not keep the app within ${KEPT_TIMEOUT_MS} ms`,
      )
    }
    await page.waitForTimeout(POLL_MS)
  }
}

interface Milestones {
  shown: number
  ready: number
  interactive: number
  longestTaskWhileDrawing: number | null
}

/**
 * Opens `url` and asks the probe until it has an answer. Not `page.waitForFunction`: that
 * evaluates its predicate with `eval`, which the app's Content-Security-Policy forbids. The probe
 * keeps its own time, so how often it is asked does not change the figure.
 */
async function openUntilReady(page: Page, url: string): Promise<Milestones> {
  await page.goto(url)
  const deadline = performance.now() + READY_TIMEOUT_MS
  while (performance.now() < deadline) {
    const { shown, ready, interactive, longestTaskWhileDrawing } = await callInPage(
      page,
      'milestones',
    )
    if (shown !== null && ready !== null && interactive !== null)
      return { shown, ready, interactive, longestTaskWhileDrawing }
    await page.waitForTimeout(POLL_MS)
  }
  throw new Error(`${url} was not ready after ${READY_TIMEOUT_MS} ms`)
}

/**
 * Loads a page in a fresh profile (after `visitsBefore` untimed visits, and once the machine is
 * quiet) and times it from navigation to the ready condition.
 */
export async function loadUntilReady(browser: Browser, options: LoadOptions): Promise<LoadedPage> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    if (options.prefill) {
      await page.goto(options.prefill.prefillFrom)
      await injectPageScript(page, 'idb-prefill')
      await callInPage(page, 'prefill', options.prefill.databases, options.prefill.localStorage)
    }
    const probe = await pageScript('ready-probe')
    await page.addInitScript({
      content: `${probe}\nwindow.hamishBench.installReadyProbe(${JSON.stringify(options.condition)})`,
    })
    for (let i = 0; i < (options.visitsBefore ?? 0); i++) await visit(page, options.url)
    // Every timed load starts on a quiet machine, however long what came before it took.
    const wait = await untilMachineQuiet()
    if (!wait.quiet) {
      options.log(
        `the machine was still busy after ${Math.round(wait.waitedMs)} ms; timing ${options.url} anyway`,
      )
    }
    const { trace } = options
    if (trace) await browser.startTracing(page, { categories: [...trace.categories] })
    const milestones = await openUntilReady(page, options.url)
    if (trace) trace.onTrace(await browser.stopTracing())
    return {
      page,
      shownMs: milestones.shown,
      readyMs: milestones.ready,
      interactiveMs: milestones.interactive,
      longestTaskWhileDrawingMs: milestones.longestTaskWhileDrawing,
      close: () => context.close(),
    }
  } catch (error) {
    await context.close()
    throw error
  }
}
