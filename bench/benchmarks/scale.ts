import type { Browser, Page } from '@playwright/test'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import { callInPage, injectPageScript } from '../browser/page-script'
import {
  ARTICLE_SELECTOR,
  loadUntilReady,
  readyCondition,
  type LoadedPage,
} from '../browser/reader-load'
import {
  prefillFor,
  readerDocuments,
  readerScene,
  type ReaderDocuments,
} from '../browser/reader-documents'
import type { BenchContext, Benchmark } from '../harness/benchmark'
import { ISSUE_3_ANNOTATIONS } from '../harness/fixtures'
import { measured, type Figure } from '../harness/figure'
import { repeat } from '../harness/repeat'
import { max, percentile } from '../harness/statistics'
import type { SyntheticSeminar } from '../synthetic-seminar'

/**
 * Issue 7, item 2: the reader holding the synthetic seminar (4,800 annotations and 2,000
 * replies), against the same reader with no annotations: opening, typing a comment, scrolling
 * and heap, all in one page load per run. Issue 3's open, at its own count of 5,000, is timed in
 * the same runs.
 */

/** English, so that every character is a key press with its own keydown. */
const TYPED = 'Defence diplomacy needs a clear mandate.'
/** A fast typist: 120 words a minute. */
const KEY_DELAY_MS = 100
const PASSAGE_LENGTH = 30
const SCROLL_STEP_PX = 20
const COMPOSER_TIMEOUT_MS = 10_000

interface Session {
  readonly shownMs: number
  readonly openMs: number
  readonly completeMs: number
  readonly longestTaskMs: number | null
  readonly heapMb: number | null
  readonly keystrokes: readonly number[]
  readonly frames: readonly number[]
}

async function openComposer(page: Page): Promise<void> {
  if (!(await callInPage(page, 'selectPassage', ARTICLE_SELECTOR, PASSAGE_LENGTH))) {
    throw new Error('no paragraph of the article could be selected')
  }
  // ProseMirror reads the DOM selection on selectionchange, a task later.
  await page.waitForTimeout(100)
  await page.keyboard.press('Control+Alt+M')
  const deadline = performance.now() + COMPOSER_TIMEOUT_MS
  while (!(await callInPage(page, 'textAreaFocused'))) {
    if (performance.now() > deadline) throw new Error('the comment composer did not open')
    await page.waitForTimeout(50)
  }
}

interface SessionInput {
  readonly browser: Browser
  readonly url: string
  readonly article: ArticleDoc
  readonly seminar: SyntheticSeminar
  readonly documents: ReaderDocuments
  readonly withAnnotations: boolean
  /** The class document stored without a first-screen index it can trust. */
  readonly unindexed?: boolean
  readonly scrollMs: number
  readonly log: (message: string) => void
}

function storedAs(input: Pick<SessionInput, 'withAnnotations' | 'unindexed'>) {
  if (!input.withAnnotations) return 'empty'
  return input.unindexed ? 'seminarUnindexed' : 'seminar'
}

/** The reader opened with or without the seminar, timed on the open after `visitsBefore`. */
function openReader(input: Omit<SessionInput, 'scrollMs'>, visitsBefore = 0): Promise<LoadedPage> {
  const { seminar, withAnnotations } = input
  const highlights = withAnnotations ? seminar.counts.highlights + seminar.counts.comments : 0
  return loadUntilReady(input.browser, {
    url: input.url,
    condition: readyCondition(input.article, highlights),
    prefill: prefillFor(input.url, input.documents[storedAs(input)]),
    log: input.log,
    visitsBefore,
  })
}

/** One page load: opened with or without the seminar, then heap, scrolling and typing. */
async function session(input: SessionInput): Promise<Session> {
  const loaded = await openReader(input)
  try {
    const { page } = loaded
    await injectPageScript(page, 'reader-probes')
    const heap = await callInPage(page, 'heapAfterGc')
    const scroll = await callInPage(
      page,
      'scrollFrames',
      ARTICLE_SELECTOR,
      input.scrollMs,
      SCROLL_STEP_PX,
    )
    if (scroll.scrolled === 0) throw new Error('the reading area did not scroll')
    await openComposer(page)
    await callInPage(page, 'startKeystrokeTiming')
    await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS })
    const keystrokes = await callInPage(page, 'stopKeystrokeTiming')
    if (keystrokes.length < TYPED.length / 2) {
      throw new Error(
        `only ${keystrokes.length} of ${TYPED.length} keystrokes reached the composer`,
      )
    }
    return {
      shownMs: loaded.shownMs,
      openMs: loaded.interactiveMs,
      completeMs: loaded.readyMs,
      longestTaskMs: loaded.longestTaskWhileDrawingMs,
      heapMb: heap === null ? null : heap / 2 ** 20,
      keystrokes,
      frames: scroll.deltas,
    }
  } finally {
    await loaded.close()
  }
}

/** An open timed and closed, with nothing else done in the page. */
interface TimedOpen {
  readonly shownMs: number
  readonly openMs: number
}

async function timedOpen(
  input: Omit<SessionInput, 'scrollMs'>,
  visitsBefore: number,
): Promise<TimedOpen> {
  const loaded = await openReader(input, visitsBefore)
  await loaded.close()
  return { shownMs: loaded.shownMs, openMs: loaded.interactiveMs }
}

/** A returning reader's open: the page's third in one profile, the first two left to settle. */
const VISITS_BEFORE_RETURNING = 2

/** A figure's runs from the seminar's loads, against the same figure of the empty reader's. */
function againstEmpty<T>(seminar: readonly T[], empty: readonly T[], emptyName: string) {
  return (of: (load: T) => number) => ({
    runs: seminar.map(of),
    baseline: { name: emptyName, runs: empty.map(of) },
  })
}

function returningFigures(seminar: readonly TimedOpen[], empty: readonly TimedOpen[]): Figure[] {
  const per = againstEmpty(seminar, empty, 'no annotations, returning')
  return [
    measured({
      id: 'scale.open-returning',
      name: 'Scale: open → interactive, returning reader, 4,800 annotations + 2,000 replies',
      unit: 'ms',
      ...per((open) => open.openMs),
      target: { kind: 'below', value: 1000 },
      note: `as the first-visit figure, on the page's open after ${VISITS_BEFORE_RETURNING} others in one profile: each of those went until ready and until the app's offline worker had kept its files, so the scripts come from that cache with their compiled code, as they do for a reader who has opened the app before (and for the desktop app, which loads them from disk with its code cache); the documents in IndexedDB are as those opens left them`,
    }),
    measured({
      id: 'scale.shown-returning',
      name: 'Scale: open → article text shown, returning reader, 4,800 annotations + 2,000 replies',
      unit: 'ms',
      ...per((open) => open.shownMs),
    }),
  ]
}

function figures(seminar: readonly Session[], empty: readonly Session[]): Figure[] {
  const noAnnotations = 'no annotations'
  const per = againstEmpty(seminar, empty, noAnnotations)
  const keys = (p: number) => (s: Session) => percentile(s.keystrokes, p)
  const frames = (p: number) => (s: Session) => percentile(s.frames, p)
  const result: Figure[] = [
    measured({
      id: 'scale.open',
      name: 'Scale: open → interactive, first visit, 4,800 annotations + 2,000 replies',
      unit: 'ms',
      ...per((s) => s.openMs),
      target: { kind: 'below', value: 1000 },
      note: 'navigation start to the first frame with the title visible, the whole text present, and every highlight and comment card on the first screen rendered (each element with a `data-annotation-id` in view once everything is drawn, timed by when it first appeared); the article and the reader’s class document are in IndexedDB before navigation, the class document as the app leaves it (its whole state and, beside it, its first-screen index), in a profile that has never opened the app (no cached script, no compiled code): the first start after installing or updating it; the first screen is drawn from the index, and the document read once it is',
    }),
    measured({
      id: 'scale.complete',
      name: 'Scale: open → every highlight drawn, 4,800 annotations + 2,000 replies',
      unit: 'ms',
      ...per((s) => s.completeMs),
      note: 'the same page loads, up to the first frame with every annotation’s highlight in the article (distinct `data-annotation-id`s); highlights beyond the first screen are drawn a slice at a time after it',
    }),
    measured({
      id: 'scale.shown',
      name: 'Scale: open → article text shown, 4,800 annotations + 2,000 replies',
      unit: 'ms',
      ...per((s) => s.shownMs),
      note: 'the same page loads, up to the first frame with the title visible and the whole text present, whether or not the highlights are',
    }),
    measured({
      id: 'scale.keystroke-p50',
      name: 'Scale: keystroke latency p50, typing a comment',
      unit: 'ms',
      ...per(keys(50)),
      // Issue 3: "typing in a comment keeps a median under 16 ms per keystroke".
      target: { kind: 'below', value: 16 },
    }),
    measured({
      id: 'scale.keystroke-p95',
      name: 'Scale: keystroke latency p95, typing a comment',
      unit: 'ms',
      ...per(keys(95)),
      note: `${TYPED.length} characters typed into a new comment's composer (${KEY_DELAY_MS} ms apart) through Playwright's keyboard; each from the keydown's timestamp to the first task after the next animation frame following its input event; percentiles per page load`,
    }),
    measured({
      id: 'scale.scroll-p50',
      name: 'Scale: scroll frame time p50',
      unit: 'ms',
      ...per(frames(50)),
    }),
    measured({
      id: 'scale.scroll-p95',
      name: 'Scale: scroll frame time p95',
      unit: 'ms',
      ...per(frames(95)),
      note: `the reading area scrolled ${SCROLL_STEP_PX} px per animation frame from the top, the time between frames recorded`,
    }),
    measured({
      id: 'scale.scroll-max',
      name: 'Scale: scroll frame time max',
      unit: 'ms',
      ...per((s) => max(s.frames)),
    }),
  ]
  const longest = seminar.map((s) => s.longestTaskMs)
  if (longest.every((ms) => ms !== null)) {
    result.push(
      measured({
        id: 'scale.longest-task-drawing',
        name: 'Scale: longest task while the rest is drawn, 4,800 annotations + 2,000 replies',
        unit: 'ms',
        runs: longest as number[],
        note: 'the longest main-thread task (Long Tasks API) that began after the interactive frame and ended before the frame with every highlight drawn: how long the page can keep a click or a key waiting while the highlights beyond the first screen are drawn',
      }),
    )
  }
  const heaps = seminar.map((s) => s.heapMb)
  const emptyHeaps = empty.map((s) => s.heapMb)
  if (heaps.every((h) => h !== null) && emptyHeaps.every((h) => h !== null)) {
    result.push(
      measured({
        id: 'scale.heap',
        name: 'Scale: JS heap after GC, once interactive',
        unit: 'MB',
        runs: heaps as number[],
        baseline: { name: noAnnotations, runs: emptyHeaps as number[] },
        note: '`performance.memory.usedJSHeapSize` after `gc()` (Chromium started with `--js-flags=--expose-gc --enable-precise-memory-info`)',
      }),
    )
  }
  return result
}

/**
 * Issue 3's own check, "the seed article with 5,000 annotations opens to interactive in under
 * 1 s": the same reader holding the seminar's 4,800 annotations and 200 of its replies, against
 * the empty reader's opens of the same runs.
 */
function issueCountFigures(
  firstVisits: readonly TimedOpen[],
  unindexedFirstVisits: readonly TimedOpen[],
  emptyFirstVisits: readonly number[],
  returning: readonly TimedOpen[],
  emptyReturning: readonly TimedOpen[],
): Figure[] {
  const count = ISSUE_3_ANNOTATIONS.toLocaleString('en')
  return [
    measured({
      id: 'scale.open-issue-count',
      name: `Scale: open → interactive, first visit, ${count} annotations (issue 3)`,
      unit: 'ms',
      runs: firstVisits.map((open) => open.openMs),
      baseline: { name: 'no annotations', runs: [...emptyFirstVisits] },
      target: { kind: 'below', value: 1000 },
      note: `as the first visit with 4,800 annotations + 2,000 replies, with ${count} annotations (the 4,800 and the first 200 of the 2,000 replies), opened in the same runs as that figure's loads and timed only to interactive`,
    }),
    measured({
      id: 'scale.open-issue-count-unindexed',
      name: `Scale: open → interactive, first visit, ${count} annotations, no first-screen index`,
      unit: 'ms',
      runs: unindexedFirstVisits.map((open) => open.openMs),
      baseline: { name: 'no annotations', runs: [...emptyFirstVisits] },
      target: { kind: 'below', value: 1000 },
      note: 'the same, with the class document stored without a first-screen index the app can trust, as another window’s later write or a version of the app from before the index leaves it: the whole document is read before the first screen is drawn (and the app then writes the index for the next open)',
    }),
    measured({
      id: 'scale.open-returning-issue-count',
      name: `Scale: open → interactive, returning reader, ${count} annotations (issue 3)`,
      unit: 'ms',
      ...againstEmpty(
        returning,
        emptyReturning,
        'no annotations, returning',
      )((open) => open.openMs),
      target: { kind: 'below', value: 1000 },
    }),
  ]
}

async function run(context: BenchContext): Promise<Figure[]> {
  const { fixtures, choose, log } = context
  const { browser, server, article, seminar, documents } = await readerScene(fixtures)
  const common = {
    browser,
    url: server.url,
    article,
    seminar,
    documents,
    scrollMs: choose(1500, 2500),
    log,
  }
  const atIssueCount = await fixtures.readerSeminarAtIssueCount()
  const issueCountInput = {
    ...common,
    seminar: atIssueCount,
    documents: readerDocuments(atIssueCount),
    withAnnotations: true,
  }
  // A load of the seminar takes tens of seconds on two cores: the warm-up (server, browser,
  // disk cache) is a load of the empty reader, and quick mode counts one pair of loads.
  const warmUp = await loadUntilReady(browser, {
    url: server.url,
    condition: readyCondition(article),
    prefill: prefillFor(server.url, documents.empty),
    log,
  })
  await warmUp.close()
  const pairs = await repeat(
    choose({ warmup: 0, runs: 1, budgetMs: 0 }, { warmup: 0, runs: 5, budgetMs: 300_000 }),
    async () => ({
      seminar: await session({ ...common, withAnnotations: true }),
      empty: await session({ ...common, withAnnotations: false }),
      atIssueCount: await timedOpen(issueCountInput, 0),
      atIssueCountUnindexed: await timedOpen({ ...issueCountInput, unindexed: true }, 0),
    }),
  )
  const returning = await repeat(
    choose({ warmup: 0, runs: 1, budgetMs: 0 }, { warmup: 0, runs: 3, budgetMs: 180_000 }),
    async () => ({
      seminar: await timedOpen({ ...common, withAnnotations: true }, VISITS_BEFORE_RETURNING),
      empty: await timedOpen({ ...common, withAnnotations: false }, VISITS_BEFORE_RETURNING),
      atIssueCount: await timedOpen(issueCountInput, VISITS_BEFORE_RETURNING),
    }),
  )
  return [
    ...figures(
      pairs.map((pair) => pair.seminar),
      pairs.map((pair) => pair.empty),
    ),
    ...returningFigures(
      returning.map((pair) => pair.seminar),
      returning.map((pair) => pair.empty),
    ),
    ...issueCountFigures(
      pairs.map((pair) => pair.atIssueCount),
      pairs.map((pair) => pair.atIssueCountUnindexed),
      pairs.map((pair) => pair.empty.openMs),
      returning.map((pair) => pair.atIssueCount),
      returning.map((pair) => pair.empty),
    ),
  ]
}

export const scale: Benchmark = {
  name: 'scale',
  title: 'Scale',
  needsWebBuild: true,
  run,
}
