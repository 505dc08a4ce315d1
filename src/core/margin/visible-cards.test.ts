import { describe, expect, it } from 'vitest'
import { mulberry32, randomInt } from '../seeded-random'
import { stackCards } from './stack-cards'
import { bandContains, cardsInBand, type StackedCard } from './visible-cards'

const card = (id: string, top: number, height: number): StackedCard => ({ id, top, height })
const ids = (cards: StackedCard[]) => cards.map((c) => c.id)

describe('cardsInBand', () => {
  const cards = [card('a', 0, 100), card('b', 110, 50), card('c', 400, 80), card('d', 900, 40)]

  it('finds the cards that reach into the band, partly or wholly', () => {
    expect(ids(cardsInBand(cards, { top: 120, bottom: 450 }))).toEqual(['b', 'c'])
    expect(ids(cardsInBand(cards, { top: 0, bottom: 10_000 }))).toEqual(['a', 'b', 'c', 'd'])
  })

  it('counts a card touching the band’s edge as in it', () => {
    expect(ids(cardsInBand(cards, { top: 160, bottom: 400 }))).toEqual(['b', 'c'])
  })

  it('finds none in a gap between cards, above them or below them', () => {
    expect(cardsInBand(cards, { top: 500, bottom: 880 })).toEqual([])
    expect(cardsInBand(cards, { top: 2000, bottom: 3000 })).toEqual([])
    expect(cardsInBand([], { top: 0, bottom: 100 })).toEqual([])
  })

  it('agrees with a plain scan over randomly stacked cards', () => {
    const random = mulberry32(7)
    for (let round = 0; round < 50; round++) {
      const raw = Array.from({ length: randomInt(random, 0, 60) }, (_, index) => ({
        id: `c${index}`,
        anchorTop: randomInt(random, 0, 5000),
        height: randomInt(random, 20, 300),
      }))
      const heights = new Map(raw.map((c) => [c.id, c.height]))
      const activeId = raw.length > 0 ? raw[randomInt(random, 0, raw.length - 1)]!.id : null
      const stacked = stackCards(raw, { gap: 8, activeId }).map(({ id, top }) =>
        card(id, top, heights.get(id)!),
      )
      const top = randomInt(random, -200, 6000)
      const band = { top, bottom: top + randomInt(random, 0, 1500) }
      const expected = stacked.filter((c) => c.top + c.height >= band.top && c.top <= band.bottom)
      expect(ids(cardsInBand(stacked, band))).toEqual(ids(expected))
    }
  })
})

describe('bandContains', () => {
  it('is true only when the inner band lies wholly inside the outer one', () => {
    expect(bandContains({ top: 0, bottom: 100 }, { top: 10, bottom: 90 })).toBe(true)
    expect(bandContains({ top: 0, bottom: 100 }, { top: 0, bottom: 100 })).toBe(true)
    expect(bandContains({ top: 0, bottom: 100 }, { top: -1, bottom: 90 })).toBe(false)
    expect(bandContains({ top: 0, bottom: 100 }, { top: 10, bottom: 101 })).toBe(false)
  })
})
