import { describe, expect, it } from 'vitest'
import { MEMBER_COLORS, memberColor } from './member-color'

describe('memberColor', () => {
  it('gives a member the same palette colour every time', () => {
    expect(memberColor('u-abc')).toBe(memberColor('u-abc'))
    expect(MEMBER_COLORS).toContain(memberColor('u-abc'))
  })

  it('spreads ids that differ in one character over the palette', () => {
    const colors = new Set(Array.from({ length: 60 }, (_, i) => memberColor(`user-${i}`)))
    expect(colors.size).toBeGreaterThanOrEqual(MEMBER_COLORS.length - 1)
  })
})
