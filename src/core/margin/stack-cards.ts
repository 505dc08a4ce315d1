/** A margin card to place: the top of the passage it belongs to, and its own height. */
export interface MarginCard {
  id: string
  anchorTop: number
  height: number
}

export interface StackCardsOptions {
  /** Least space between two cards. */
  gap: number
  /** The card the reader is working with: it sits level with its passage if at all possible. */
  activeId?: string | null
}

export interface PlacedCard {
  id: string
  top: number
}

interface Slot {
  id: string
  anchor: number
  height: number
  top: number
}

/**
 * Lays margin cards out beside their passages, in passage order, without overlaps and never
 * above 0. With no active card each card sits at its passage or, when the one before reaches
 * down that far, just below it. With an active card (as in Google Docs and Hypothesis), that
 * card sits level with its passage, the cards after it flow below it, and the cards before it
 * move up only as far as they must to make room, stopping at 0; if they cannot all fit above
 * the passage, the active card moves down only as far as they need. Returned in passage order
 * (cards on the same passage keep the order they were given in). O(n log n).
 */
export function stackCards(
  cards: readonly MarginCard[],
  { gap, activeId = null }: StackCardsOptions,
): PlacedCard[] {
  const space = Math.max(0, gap)
  const slots: Slot[] = cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => a.card.anchorTop - b.card.anchorTop || a.index - b.index)
    .map(({ card }) => {
      const anchor = Math.max(0, card.anchorTop)
      return { id: card.id, anchor, height: Math.max(0, card.height), top: anchor }
    })
  pushDown(slots, 0, space)

  const activeIndex = activeId === null ? -1 : slots.findIndex((slot) => slot.id === activeId)
  if (activeIndex >= 0) {
    const following = slots.slice(activeIndex)
    for (const slot of following) slot.top = slot.anchor
    pushDown(slots, activeIndex + 1, space)
    pullUp(slots, activeIndex, space)
    // Where the cards before could not all fit above 0, they are packed down from 0 and
    // everything after them moves down just enough.
    pushDown(slots, 0, space)
  }
  return slots.map(({ id, top }) => ({ id, top }))
}

/** From `start` on, moves each card down until it clears the one before it (and 0). */
function pushDown(slots: Slot[], start: number, gap: number): void {
  let previous = slots[start - 1]
  for (const slot of slots.slice(start)) {
    slot.top = Math.max(slot.top, previous ? previous.top + previous.height + gap : 0)
    previous = slot
  }
}

/** Moves each card before `end` up until it clears the one after it; may go above 0. */
function pullUp(slots: Slot[], end: number, gap: number): void {
  let next = slots[end]
  for (const slot of slots.slice(0, end).reverse()) {
    if (next) slot.top = Math.min(slot.top, next.top - gap - slot.height)
    next = slot
  }
}
