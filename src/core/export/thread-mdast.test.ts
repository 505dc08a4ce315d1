import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../seeded-random'
import { dayOf, minuteOf } from './thread-mdast'

/** The greatest time a Date holds, either side of 1970. */
const LIMIT = 8.64e15

describe('dayOf and minuteOf', () => {
  it('write the day and minute as toISOString does, for any time a Date holds (seeded)', () => {
    const random = mulberry32(1129)
    const edges = [
      '0000-01-01T00:00Z',
      '0005-03-04T05:06Z',
      '-000001-12-31T23:59Z',
      '+010000-01-01Z',
    ]
    const times = [0, -1, LIMIT, -LIMIT, Date.UTC(9999, 11, 31, 23, 59), ...edges.map(Date.parse)]
    for (let i = 0; i < 3000; i++) {
      const span = i % 3 === 0 ? LIMIT : 4e12
      times.push(Math.round((random() * 2 - 1) * span))
    }
    for (const time of times) {
      const iso = new Date(time).toISOString()
      expect(dayOf(iso), iso).toBe(iso.slice(0, 10))
      expect(minuteOf(iso), iso).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`)
    }
  })

  it('read any timestamp Date.parse reads, in UTC', () => {
    expect(dayOf('2026-11-28T23:30:00-05:00')).toBe('2026-11-29')
    expect(minuteOf('2026-11-28T23:30:00-05:00')).toBe('2026-11-29 04:30 UTC')
    expect(dayOf('2026-11-28T24:00:00Z')).toBe('2026-11-29')
  })

  it('keep a text that is not a timestamp as it is', () => {
    expect(dayOf('yesterday')).toBe('yesterday')
    expect(minuteOf('')).toBe('')
  })
})
