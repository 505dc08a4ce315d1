import { z } from 'zod'

/** Where the window was and how large, in screen coordinates, and whether it was maximized. */
export const WindowStateSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof WindowStateSchema>

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const

/** Bounds to open the window with; no position means "centre it on the primary display". */
export interface WindowPlacement {
  bounds: { width: number; height: number; x?: number; y?: number }
  maximized: boolean
}

/**
 * Where to open the window so that all of it can be seen: on the display it overlaps most (or
 * the primary one, when its display is gone), no larger than that display's work area, and
 * moved inside it. `workAreas` lists the displays' work areas, the primary one first.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
): WindowPlacement {
  const primary = workAreas[0]
  if (!primary) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false }
  if (saved === null) {
    return { bounds: fitSize(DEFAULT_WINDOW_SIZE, primary), maximized: false }
  }

  const display = mostOverlapping(saved, workAreas)
  const size = fitSize(saved, display ?? primary)
  if (display === null) return { bounds: size, maximized: saved.maximized }
  return {
    bounds: {
      ...size,
      x: clamp(saved.x, display.x, display.x + display.width - size.width),
      y: clamp(saved.y, display.y, display.y + display.height - size.height),
    },
    maximized: saved.maximized,
  }
}

function fitSize(
  size: { width: number; height: number },
  area: Rectangle,
): { width: number; height: number } {
  return {
    width: Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height),
  }
}

function mostOverlapping(bounds: Rectangle, areas: readonly Rectangle[]): Rectangle | null {
  let best: Rectangle | null = null
  let bestOverlap = 0
  for (const area of areas) {
    const overlap = overlapArea(bounds, area)
    if (overlap > bestOverlap) {
      best = area
      bestOverlap = overlap
    }
  }
  return best
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/** `low` wins when the range is empty (a window as large as the area sits at its corner). */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high))
}

/** What the window's current placement should be remembered as. */
export interface TrackedWindow {
  isMaximized(): boolean
  isFullScreen(): boolean
  getBounds(): Rectangle
  /** The bounds the window returns to when it is un-maximized. */
  getNormalBounds(): Rectangle
}

export function currentWindowState(window: TrackedWindow): WindowState {
  const maximized = window.isMaximized() || window.isFullScreen()
  const bounds = maximized ? window.getNormalBounds() : window.getBounds()
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized,
  }
}
