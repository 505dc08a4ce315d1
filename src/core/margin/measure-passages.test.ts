import { describe, expect, it, vi } from 'vitest'
import { measurePassages } from './measure-passages'

describe('measurePassages', () => {
  const tops = [0, 40, 40, 300, 900, 2000]

  it('measures every passage when the limit is below them all', () => {
    const measure = vi.fn((top: number) => top)
    expect(measurePassages(tops, measure, Infinity)).toEqual({
      measured: tops.map((top) => ({ item: top, anchorTop: top })),
      complete: true,
    })
    expect(measure).toHaveBeenCalledTimes(tops.length)
  })

  it('stops at the first passage below the limit, measuring nothing after it', () => {
    const measure = vi.fn((top: number) => top)
    const { measured, complete } = measurePassages(tops, measure, 300)
    expect(measured.map((passage) => passage.anchorTop)).toEqual([0, 40, 40, 300])
    expect(complete).toBe(false)
    expect(measure).toHaveBeenCalledTimes(5)
  })

  it('reports a margin with no passages as complete', () => {
    expect(measurePassages([], () => 0, 0)).toEqual({ measured: [], complete: true })
  })
})
