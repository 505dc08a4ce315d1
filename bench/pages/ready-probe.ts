import type { ReadyCondition, ReadyProbeApi } from './page-api'

/*
 * Injected before any of the page's own scripts run, so it must stay tiny: it checks once per
 * animation frame whether the reader is interactive, and remembers when it first was. It also
 * notes when each highlight and comment card first appeared, so that once everything is there it
 * can tell when the first screen was complete.
 */

const GIVE_UP_MS = 120_000
let shown: number | null = null
let ready: number | null = null
let interactive: number | null = null
const frames: number[] = []
/** When the probe's check that found the condition held ended. */
let readyChecked: number | null = null
/** When the probe itself ran (its checks, its observer), to leave out of the page's tasks. */
const probeSpans: { start: number; end: number }[] = []

function asProbe<T>(work: () => T): T {
  const start = performance.now()
  try {
    return work()
  } finally {
    probeSpans.push({ start, end: performance.now() })
  }
}

/** Tasks of 50 ms or more, from the page's start; null where the browser does not report them. */
const longTasks: { start: number; end: number }[] | null =
  typeof PerformanceObserver !== 'undefined' &&
  PerformanceObserver.supportedEntryTypes.includes('longtask')
    ? []
    : null
/** `h:<id>` for a highlight in the article, `c:<id>` for anything else (a margin card). */
const firstSeen = new Map<string, number>()
/** How many highlights (`h:` keys) `firstSeen` holds. */
let highlightsSeen = 0

function keyOf(element: Element, textSelector: string): string | null {
  const id = element.getAttribute('data-annotation-id')
  if (id === null) return null
  return `${element.closest(textSelector) ? 'h' : 'c'}:${id}`
}

function watchAnnotationElements(textSelector: string): MutationObserver {
  const note = (element: Element, now: number) => {
    const key = keyOf(element, textSelector)
    if (key === null || firstSeen.has(key)) return
    firstSeen.set(key, now)
    if (key.startsWith('h:')) highlightsSeen++
  }
  const observer = new MutationObserver((records) =>
    asProbe(() => {
      const now = performance.now()
      for (const record of records) {
        if (record.type === 'attributes' && record.target instanceof Element) {
          note(record.target, now)
        }
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue
          note(node, now)
          for (const element of node.querySelectorAll('[data-annotation-id]')) note(element, now)
        }
      }
    }),
  )
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-annotation-id'],
  })
  return observer
}

function onScreen(element: Element): boolean {
  const box = element.getBoundingClientRect()
  return (
    box.width > 0 &&
    box.bottom > 0 &&
    box.top < innerHeight &&
    box.right > 0 &&
    box.left < innerWidth &&
    element.checkVisibility()
  )
}

/** The first frame by which everything annotated on screen now had appeared. */
function firstScreenFrame(textSelector: string): number | null {
  let latest = 0
  for (const element of document.querySelectorAll('[data-annotation-id]')) {
    if (!onScreen(element)) continue
    const seen = firstSeen.get(keyOf(element, textSelector) ?? '')
    if (seen === undefined) return null
    latest = Math.max(latest, seen)
  }
  return frames.find((frame) => frame >= latest) ?? null
}

function isVisible(element: Element | null): boolean {
  if (element === null) return false
  const box = element.getBoundingClientRect()
  return box.width > 0 && box.height > 0 && element.checkVisibility()
}

function distinctHighlights(root: Element, atLeast: number): number {
  const marked = root.querySelectorAll('[data-annotation-id]')
  if (marked.length < atLeast) return marked.length
  const ids = new Set<string>()
  for (const element of marked) ids.add(element.getAttribute('data-annotation-id') ?? '')
  return ids.size
}

function textShown(condition: ReadyCondition): boolean {
  if (!isVisible(document.querySelector(condition.visibleSelector))) return false
  const text = document.querySelector(condition.textSelector)?.textContent ?? ''
  return condition.markers.every((marker) => text.includes(marker))
}

function highlightsShown(condition: ReadyCondition): boolean {
  if (condition.minHighlights === 0) return true
  // Counting the page's highlights every frame would slow what is measured; the count of those
  // seen so far says when counting them is worth it.
  if (highlightsSeen < condition.minHighlights) return false
  const root = document.querySelector(condition.textSelector)
  return (
    root !== null && distinctHighlights(root, condition.minHighlights) >= condition.minHighlights
  )
}

function watchLongTasks(tasks: { start: number; end: number }[]): void {
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      tasks.push({ start: task.startTime, end: task.startTime + task.duration })
    }
  }).observe({ type: 'longtask', buffered: true })
}

/** How long the probe ran between `start` and `end`. */
function probeTimeWithin(start: number, end: number): number {
  let total = 0
  for (const span of probeSpans)
    total += Math.max(0, Math.min(end, span.end) - Math.max(start, span.start))
  return total
}

/**
 * The longest task from the interactive frame to the check that found everything drawn, less
 * the probe's own time in it (counting and finding thousands of highlights is not the page's).
 */
function longestTaskWhileDrawing(): number | null {
  if (longTasks === null || interactive === null || readyChecked === null) return null
  let longest = 0
  for (const { start, end } of longTasks) {
    if (start < interactive || start > readyChecked) continue
    longest = Math.max(longest, end - start - probeTimeWithin(start, end))
  }
  return longest
}

const api: ReadyProbeApi = {
  installReadyProbe(condition) {
    if (longTasks !== null) watchLongTasks(longTasks)
    const observer =
      condition.minHighlights > 0 ? watchAnnotationElements(condition.textSelector) : null
    const check = (now: number) => {
      frames.push(performance.now())
      if (shown === null && textShown(condition)) shown = performance.now()
      if (shown !== null && highlightsShown(condition)) {
        ready = performance.now()
        observer?.disconnect()
        // Pessimistic when an element on screen slipped past the observer.
        interactive = observer ? (firstScreenFrame(condition.textSelector) ?? ready) : shown
        readyChecked = performance.now()
      } else if (now < GIVE_UP_MS) requestAnimationFrame((next) => asProbe(() => check(next)))
    }
    requestAnimationFrame((now) => asProbe(() => check(now)))
  },
  milestones: () => ({
    shown,
    ready,
    interactive,
    longestTaskWhileDrawing: longestTaskWhileDrawing(),
  }),
}

window.hamishBench = { ...window.hamishBench, ...api }
