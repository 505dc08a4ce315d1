import type { ReadyCondition, ReadyProbeApi } from './page-api'

/*
 * Injected before any of the page's own scripts run, so it must stay tiny: it checks once per
 * animation frame whether the reader is interactive, and remembers when it first was.
 */

const GIVE_UP_MS = 120_000
let shown: number | null = null
let ready: number | null = null

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
  const root = document.querySelector(condition.textSelector)
  return (
    root !== null && distinctHighlights(root, condition.minHighlights) >= condition.minHighlights
  )
}

const api: ReadyProbeApi = {
  installReadyProbe(condition) {
    const check = (now: number) => {
      if (shown === null && textShown(condition)) shown = performance.now()
      if (shown !== null && highlightsShown(condition)) ready = performance.now()
      else if (now < GIVE_UP_MS) requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  },
  milestones: () => ({ shown, ready }),
}

window.hamishBench = { ...window.hamishBench, ...api }
