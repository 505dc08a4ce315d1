import { describe, expect, it } from 'vitest'
import { randomId } from './random-id'

describe('randomId', () => {
  it('is a version 4 UUID', () => {
    for (let round = 0; round < 50; round += 1) {
      expect(randomId()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
    }
  })

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomId))
    expect(ids.size).toBe(1000)
  })
})
