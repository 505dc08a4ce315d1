import { describe, expect, it } from 'vitest'
import { estimateCardHeight } from './estimate-card-height'

describe('estimateCardHeight', () => {
  it('grows with the length of the comment', () => {
    const short = estimateCardHeight({ bodyLengths: [20], taggedEntries: 0 })
    const long = estimateCardHeight({ bodyLengths: [400], taggedEntries: 0 })
    expect(long).toBeGreaterThan(short)
  })

  it('grows with each reply and each row of tags', () => {
    const alone = estimateCardHeight({ bodyLengths: [50], taggedEntries: 0 })
    const replied = estimateCardHeight({ bodyLengths: [50, 50], taggedEntries: 0 })
    const tagged = estimateCardHeight({ bodyLengths: [50, 50], taggedEntries: 1 })
    expect(replied).toBeGreaterThan(alone)
    expect(tagged).toBeGreaterThan(replied)
  })

  it('gives an empty card a positive height', () => {
    expect(estimateCardHeight({ bodyLengths: [0], taggedEntries: 0 })).toBeGreaterThan(0)
  })
})
