import type { PluginView } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { widenedRegion, type DrawnRegion } from './drawn-region'
import { highlightsState, withDrawnRegion } from './highlights-state'

/**
 * Where in the document the reader is looking: the part of the editor inside the window and
 * every clipping ancestor. Null when none of it is on screen or it has no layout.
 */
export function visibleRegion(view: EditorView): DrawnRegion | null {
  if (!view.dom.isConnected) return null
  const box = view.dom.getBoundingClientRect()
  let top = Math.max(box.top, 0)
  let bottom = Math.min(box.bottom, window.innerHeight)
  for (let element = view.dom.parentElement; element; element = element.parentElement) {
    if (getComputedStyle(element).overflowY === 'visible') continue
    const clip = element.getBoundingClientRect()
    top = Math.max(top, clip.top)
    bottom = Math.min(bottom, clip.bottom)
  }
  if (bottom - top < 2 || box.width <= 0) return null
  const left = box.left + box.width / 2
  const start = view.posAtCoords({ left, top: top + 1 })
  const end = view.posAtCoords({ left, top: bottom - 1 })
  if (!start || !end) return null
  return { from: Math.min(start.pos, end.pos), to: Math.max(start.pos, end.pos) }
}

type Schedule = (run: () => void) => () => void

const nextTask: Schedule = (run) => {
  const timer = setTimeout(run, 0)
  return () => clearTimeout(timer)
}

/**
 * The plugin view that carries a progressive drawing to its end: one slice per task, so input
 * and painting get their turn in between.
 */
export class ProgressiveDrawing implements PluginView {
  private cancel: (() => void) | null = null

  constructor(
    private readonly view: Pick<EditorView, 'state' | 'dispatch' | 'isDestroyed'>,
    private readonly schedule: Schedule = nextTask,
  ) {
    this.update()
  }

  update(): void {
    if (this.cancel === null && highlightsState(this.view.state).drawing) {
      this.cancel = this.schedule(this.step)
    }
  }

  destroy(): void {
    this.cancel?.()
    this.cancel = null
  }

  private readonly step = () => {
    this.cancel = null
    if (this.view.isDestroyed) return
    const { state } = this.view
    const { drawing, decorations } = highlightsState(state)
    if (!drawing) return
    this.view.dispatch(
      withDrawnRegion(state.tr, widenedRegion(state.doc, decorations, drawing.region)),
    )
  }
}
