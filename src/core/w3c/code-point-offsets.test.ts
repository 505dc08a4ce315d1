import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../annotations/annotation-test-support'
import { codePointOffsets } from './code-point-offsets'

describe('codePointOffsets', () => {
  it('is the identity for text without astral characters', () => {
    const offsets = codePointOffsets('الدبلوماسية الدفاعية')
    expect([0, 5, 20].map(offsets.toCodePoints)).toEqual([0, 5, 20])
    expect([0, 5, 20].map(offsets.toUtf16)).toEqual([0, 5, 20])
  })

  it('converts both ways around emoji, agreeing with Array.from (seeded)', () => {
    const random = mulberry32(7)
    const pieces = ['a', 'ب', '😀', '𝐱', ' ', '\u064e']
    for (let round = 0; round < 50; round++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('')
      const offsets = codePointOffsets(text)
      const points = Array.from(text)
      let utf16 = 0
      for (let point = 0; point <= points.length; point++) {
        expect(offsets.toCodePoints(utf16), text).toBe(point)
        expect(offsets.toUtf16(point), text).toBe(utf16)
        utf16 += points[point]?.length ?? 0
      }
    }
  })
})
