import type { FrameTimes, ReaderProbeApi } from './page-api'

/*
 * Measurements taken inside the reader once it is open: typing latency, scrolling frame times
 * and heap. Injected after the reader is interactive, so it does not weigh on opening it.
 */

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve))
}

/** Resolves in the first task after the coming frame: by then that frame has been produced. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve()
      channel.port2.postMessage(null)
    }),
  )
}

/** A bound on any frame loop, whatever the clock does. */
const MAX_FRAMES = 10_000

let timing = false
let keydownAt: number | null = null
const latencies: number[] = []

document.addEventListener(
  'keydown',
  (event) => {
    if (timing) keydownAt = event.timeStamp
  },
  true,
)
document.addEventListener(
  'input',
  () => {
    if (!timing || keydownAt === null) return
    const start = keydownAt
    keydownAt = null
    void afterNextFrame().then(() => latencies.push(performance.now() - start))
  },
  true,
)

function scrollerOf(element: Element): Element {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) {
      return node
    }
  }
  return document.scrollingElement ?? document.documentElement
}

function firstTextNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    nodes.push(node as Text)
  return nodes
}

const api: ReaderProbeApi = {
  selectPassage(textSelector, length) {
    const root = document.querySelector<HTMLElement>(textSelector)
    if (root === null) return false
    const paragraph = [...root.querySelectorAll('p')].find(
      (p) =>
        (p.textContent ?? '').length > length + 10 && p.closest('details:not([open])') === null,
    )
    if (paragraph === undefined) return false
    const nodes = firstTextNodes(paragraph)
    const first = nodes[0]
    if (first === undefined) return false
    let remaining = length
    const last = nodes.find((node) => {
      if (node.length >= remaining) return true
      remaining -= node.length
      return false
    })
    if (last === undefined) return false
    paragraph.scrollIntoView({ block: 'center' })
    root.focus()
    const range = document.createRange()
    range.setStart(first, 0)
    range.setEnd(last, remaining)
    const selection = window.getSelection()
    if (selection === null) return false
    selection.removeAllRanges()
    selection.addRange(range)
    return true
  },

  startKeystrokeTiming() {
    latencies.length = 0
    keydownAt = null
    timing = true
  },

  async stopKeystrokeTiming() {
    await afterNextFrame()
    await afterNextFrame()
    timing = false
    return [...latencies]
  },

  async scrollFrames(textSelector, durationMs, step) {
    const root = document.querySelector(textSelector)
    if (root === null) return { deltas: [], scrolled: 0 }
    const scroller = scrollerOf(root)
    scroller.scrollTop = 0
    await nextFrame()
    let previous = await nextFrame()
    const start = previous
    const deltas: number[] = []
    let scrolled = 0
    let direction = 1
    while (previous - start < durationMs && deltas.length < MAX_FRAMES) {
      const before = scroller.scrollTop
      scroller.scrollTop = before + direction * step
      if (scroller.scrollTop === before) direction = -direction
      scrolled += Math.abs(scroller.scrollTop - before)
      const now = await nextFrame()
      deltas.push(now - previous)
      previous = now
    }
    const times: FrameTimes = { deltas, scrolled }
    return times
  },

  async heapAfterGc() {
    const gc = (globalThis as { gc?: () => void }).gc
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory
    if (gc === undefined || memory === undefined) return null
    gc()
    await new Promise((resolve) => setTimeout(resolve, 50))
    gc()
    return memory.usedJSHeapSize
  },

  textAreaFocused: () => document.activeElement instanceof HTMLTextAreaElement,
}

window.hamishBench = { ...window.hamishBench, ...api }
