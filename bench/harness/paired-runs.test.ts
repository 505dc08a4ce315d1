import { describe, expect, it } from 'vitest'
import { comparePaired, orderInRound, pairedDifferences } from './paired-runs'

describe('orderInRound', () => {
  it('lets the two variants take turns at loading first', () => {
    const order = [0, 1, 2, 3].map((round) => orderInRound(round, ['main', 'change'] as const))
    expect(order).toEqual([
      ['main', 'change'],
      ['change', 'main'],
      ['main', 'change'],
      ['change', 'main'],
    ])
  })
})

describe('pairedDifferences', () => {
  it('takes each round’s difference between its own two loads', () => {
    expect(pairedDifferences([900, 1000, 950], [880, 990, 960])).toEqual([-20, -10, 10])
  })

  it('refuses lists of different lengths', () => {
    expect(() => pairedDifferences([1, 2], [1])).toThrow('as many of each: 2 against 1')
  })
})

describe('comparePaired', () => {
  it('sees a steady gain that drifting medians would hide', () => {
    // The machine slows down over the run; the change is 20 ms faster in every round.
    const before = [900, 950, 1000, 1050, 1100]
    const after = before.map((value) => value - 20)
    const compared = comparePaired(before, after)
    expect(compared.medianDifference).toBe(-20)
    expect(compared.differences).toEqual([-20, -20, -20, -20, -20])
    expect(compared.medianBefore).toBe(1000)
    expect(compared.medianAfter).toBe(980)
  })

  it('is not moved by one round the machine spoiled', () => {
    const compared = comparePaired([900, 910, 905, 900], [890, 1400, 895, 890])
    expect(compared.medianDifference).toBe(-10)
  })
})
