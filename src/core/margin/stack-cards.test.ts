import { describe, expect, it } from 'vitest'
import { mulberry32, randomInt } from '../seeded-random'
import { stackCards, type MarginCard, type PlacedCard } from './stack-cards'

const card = (id: string, anchorTop: number, height: number): MarginCard => ({
  id,
  anchorTop,
  height,
})

const tops = (placed: PlacedCard[]): Record<string, number> =>
  Object.fromEntries(placed.map(({ id, top }) => [id, top]))

describe('stackCards', () => {
  it('places nothing for no cards', () => {
    expect(stackCards([], { gap: 8 })).toEqual([])
    expect(stackCards([], { gap: 8, activeId: 'a' })).toEqual([])
  })

  it('leaves cards that do not collide level with their passages, in passage order', () => {
    const placed = stackCards([card('b', 400, 100), card('a', 100, 100)], { gap: 8 })
    expect(placed).toEqual([
      { id: 'a', top: 100 },
      { id: 'b', top: 400 },
    ])
  })

  it('moves a colliding card down to just below the one before', () => {
    const placed = stackCards([card('a', 100, 100), card('b', 150, 50), card('c', 200, 40)], {
      gap: 10,
    })
    expect(tops(placed)).toEqual({ a: 100, b: 210, c: 270 })
  })

  it('keeps the given order for cards on the same passage', () => {
    const placed = stackCards([card('second', 50, 30), card('first', 50, 30)], { gap: 5 })
    expect(placed.map(({ id }) => id)).toEqual(['second', 'first'])
    expect(tops(placed)).toEqual({ second: 50, first: 85 })
  })

  it('never places a card above 0', () => {
    expect(stackCards([card('a', -40, 20)], { gap: 4 })).toEqual([{ id: 'a', top: 0 }])
  })

  it('puts the active card level with its passage and moves the ones before it up', () => {
    const cards = [card('a', 300, 100), card('b', 350, 100), card('c', 400, 100)]
    expect(tops(stackCards(cards, { gap: 10 }))).toEqual({ a: 300, b: 410, c: 520 })
    expect(tops(stackCards(cards, { gap: 10, activeId: 'c' }))).toEqual({ a: 180, b: 290, c: 400 })
    expect(tops(stackCards(cards, { gap: 10, activeId: 'b' }))).toEqual({ a: 240, b: 350, c: 460 })
  })

  it('moves the active card down only as far as the cards before it need', () => {
    const cards = [card('a', 10, 100), card('b', 20, 100), card('c', 30, 100)]
    expect(tops(stackCards(cards, { gap: 10, activeId: 'c' }))).toEqual({ a: 0, b: 110, c: 220 })
  })

  it('ignores an active id that is not among the cards', () => {
    const cards = [card('a', 100, 100), card('b', 150, 100)]
    expect(stackCards(cards, { gap: 10, activeId: 'gone' })).toEqual(stackCards(cards, { gap: 10 }))
  })

  it('gives the same layout whatever order distinct passages come in', () => {
    const cards = [card('a', 10, 60), card('b', 40, 60), card('c', 90, 60), card('d', 95, 10)]
    const reversed = [...cards].reverse()
    for (const activeId of [null, 'a', 'c']) {
      expect(stackCards(reversed, { gap: 6, activeId })).toEqual(
        stackCards(cards, { gap: 6, activeId }),
      )
    }
  })
})

describe('stackCards on random layouts', () => {
  const random = mulberry32(0x6a616d)
  const cases = Array.from({ length: 600 }, () => {
    const count = randomInt(random, 0, 25)
    const spread = random() < 0.5 ? 300 : 3000
    const cards = Array.from({ length: count }, (_, index) =>
      card(`c${index}`, randomInt(random, 0, spread), randomInt(random, 20, 400)),
    )
    const gap = randomInt(random, 0, 16)
    const activeId = count > 0 && random() < 0.6 ? `c${randomInt(random, 0, count - 1)}` : null
    return { cards, gap, activeId }
  })

  it('never overlaps, keeps passage order, stays at or below 0 and returns every card', () => {
    for (const { cards, gap, activeId } of cases) {
      const placed = stackCards(cards, { gap, activeId })
      const byId = new Map(cards.map((c) => [c.id, c]))
      expect(placed.map(({ id }) => id).sort()).toEqual(cards.map(({ id }) => id).sort())
      placed.forEach(({ id, top }, index) => {
        const previous = placed[index - 1]
        expect(top).toBeGreaterThanOrEqual(0)
        if (!previous) return
        const before = byId.get(previous.id) as MarginCard
        const self = byId.get(id) as MarginCard
        expect(self.anchorTop).toBeGreaterThanOrEqual(before.anchorTop)
        expect(top).toBeGreaterThanOrEqual(previous.top + before.height + gap)
      })
    }
  })

  it('without an active card, puts each card at its passage or right below the one before', () => {
    for (const { cards, gap } of cases) {
      const placed = stackCards(cards, { gap })
      const byId = new Map(cards.map((c) => [c.id, c]))
      placed.forEach(({ id, top }, index) => {
        const anchor = (byId.get(id) as MarginCard).anchorTop
        const previous = placed[index - 1]
        const clear = previous
          ? previous.top + (byId.get(previous.id) as MarginCard).height + gap
          : 0
        expect(top).toBeGreaterThanOrEqual(anchor)
        expect(top).toBe(Math.max(anchor, clear))
      })
    }
  })

  it('with an active card, puts it at its passage unless the cards before cannot fit above it', () => {
    for (const { cards, gap, activeId } of cases) {
      if (activeId === null) continue
      const placed = stackCards(cards, { gap, activeId })
      const natural = tops(stackCards(cards, { gap }))
      const byId = new Map(cards.map((c) => [c.id, c]))
      const activeIndex = placed.findIndex(({ id }) => id === activeId)
      const before = placed.slice(0, activeIndex)
      const packedAbove = before.reduce(
        (sum, { id }) => sum + (byId.get(id) as MarginCard).height + gap,
        0,
      )
      const anchor = (byId.get(activeId) as MarginCard).anchorTop
      expect(placed[activeIndex]?.top).toBe(Math.max(anchor, packedAbove))
      // Cards before it only ever move up from where they would be without it…
      for (const { id, top } of before) expect(top).toBeLessThanOrEqual(natural[id] as number)
      // …and cards after it flow down from it as tightly as they can.
      placed.slice(activeIndex + 1).forEach(({ id, top }, offset) => {
        const previous = placed[activeIndex + offset] as PlacedCard
        const clear = previous.top + (byId.get(previous.id) as MarginCard).height + gap
        expect(top).toBe(Math.max((byId.get(id) as MarginCard).anchorTop, clear))
      })
    }
  })

  it('draws layouts that exercise every case', () => {
    const withActive = cases.filter(({ activeId }) => activeId !== null)
    const pushedDown = withActive.filter(({ cards, gap, activeId }) => {
      const placed = stackCards(cards, { gap, activeId })
      const active = placed.find(({ id }) => id === activeId)
      return (
        active && active.top > (cards.find(({ id }) => id === activeId) as MarginCard).anchorTop
      )
    })
    expect(withActive.length).toBeGreaterThan(200)
    expect(pushedDown.length).toBeGreaterThan(10)
    expect(withActive.length - pushedDown.length).toBeGreaterThan(10)
  })
})
