import { describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_SIZE,
  WindowStateSchema,
  currentWindowState,
  placeWindow,
} from './window-state'
import type { Rectangle, WindowState } from './window-state'

// A laptop screen with a top bar, and an external monitor to its right.
const laptop: Rectangle = { x: 0, y: 25, width: 1440, height: 875 }
const monitor: Rectangle = { x: 1440, y: 0, width: 2560, height: 1440 }

const saved = (state: Partial<WindowState>): WindowState => ({
  x: 100,
  y: 100,
  width: 1000,
  height: 700,
  maximized: false,
  ...state,
})

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(null, [laptop, monitor])).toEqual({
      bounds: DEFAULT_WINDOW_SIZE,
      maximized: false,
    })
  })

  it('puts a window back where it was when that is on a display', () => {
    expect(placeWindow(saved({ x: 2000, y: 300 }), [laptop, monitor])).toEqual({
      bounds: { x: 2000, y: 300, width: 1000, height: 700 },
      maximized: false,
    })
  })

  it('moves a window hanging off a display edge fully inside it', () => {
    expect(placeWindow(saved({ x: 1000, y: -50 }), [laptop]).bounds).toEqual({
      x: 440,
      y: 25,
      width: 1000,
      height: 700,
    })
  })

  it('keeps a window on the display it mostly covers', () => {
    // Mostly on the monitor, a little on the laptop: it stays on the monitor.
    const placement = placeWindow(saved({ x: 1300, y: 200, width: 1200 }), [laptop, monitor])
    expect(placement.bounds).toEqual({ x: 1440, y: 200, width: 1200, height: 700 })
  })

  it('centres on the primary display a window whose monitor was unplugged', () => {
    expect(placeWindow(saved({ x: 3000, y: 400, maximized: true }), [laptop])).toEqual({
      bounds: { width: 1000, height: 700 },
      maximized: true,
    })
  })

  it('shrinks a window larger than its display, but not below the minimum size', () => {
    expect(placeWindow(saved({ x: 0, y: 0, width: 5000, height: 3000 }), [laptop]).bounds).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
    })
    expect(placeWindow(saved({ width: 200, height: 100 }), [laptop]).bounds).toMatchObject({
      width: 720,
      height: 480,
    })
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 600 }]).bounds).toEqual({
      width: 1024,
      height: 600,
    })
  })

  it('keeps the maximized flag', () => {
    expect(placeWindow(saved({ maximized: true }), [laptop]).maximized).toBe(true)
  })

  it('falls back to the default with no display information at all', () => {
    expect(placeWindow(saved({}), [])).toEqual({ bounds: DEFAULT_WINDOW_SIZE, maximized: false })
  })
})

describe('WindowStateSchema', () => {
  it('refuses what a damaged or hand-edited file might hold', () => {
    expect(WindowStateSchema.safeParse(saved({})).success).toBe(true)
    for (const bad of [
      {},
      { ...saved({}), width: -5 },
      { ...saved({}), height: 0 },
      { ...saved({}), x: 1.5 },
      { ...saved({}), x: 1e12 },
      { ...saved({}), maximized: 'yes' },
      { ...saved({}), width: '1000' },
      null,
      [],
    ]) {
      expect(WindowStateSchema.safeParse(bad).success).toBe(false)
    }
  })
})

describe('currentWindowState', () => {
  const window = (maximized: boolean, fullScreen = false) => ({
    isMaximized: () => maximized,
    isFullScreen: () => fullScreen,
    getBounds: () => ({ x: 0, y: 0, width: 1440, height: 875.4 }),
    getNormalBounds: () => ({ x: 120.2, y: 80, width: 1000, height: 700 }),
  })

  it('remembers the restored size of a maximized or full-screen window', () => {
    expect(currentWindowState(window(true))).toEqual({
      x: 120,
      y: 80,
      width: 1000,
      height: 700,
      maximized: true,
    })
    expect(currentWindowState(window(false, true)).maximized).toBe(true)
    expect(currentWindowState(window(false))).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
      maximized: false,
    })
  })
})
