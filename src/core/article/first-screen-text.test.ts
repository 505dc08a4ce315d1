import { describe, expect, it } from 'vitest'
import { firstScreenText } from './first-screen-text'

describe('the first screen’s text, guessed from the window', () => {
  it('starts at the top of the article and covers the ~2,060 characters a 900 px window shows', () => {
    const span = firstScreenText(900, 100)
    expect(span.start).toBe(0)
    expect(span.end).toBeGreaterThanOrEqual(2_060)
    // Well under the two screens read before the window was known.
    expect(span.end).toBeLessThan(3_000)
  })

  it('grows with the window’s height', () => {
    expect(firstScreenText(1_800, 100).end).toBe(2 * firstScreenText(900, 100).end)
  })

  it('grows as the text gets smaller, and does not shrink as it gets larger', () => {
    expect(firstScreenText(900, 80).end).toBe(Math.ceil(firstScreenText(900, 100).end / 0.8))
    expect(firstScreenText(900, 160)).toEqual(firstScreenText(900, 100))
  })
})
