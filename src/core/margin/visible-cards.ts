/** A card as stacked in the margin: where its top is and how tall it is (measured or guessed). */
export interface StackedCard {
  id: string
  top: number
  height: number
}

/** A band of the margin, in the margin's own coordinates (0 is its top). */
export interface MarginBand {
  top: number
  bottom: number
}

/**
 * The cards that reach into `band`, in the order given. The cards must be stacked without
 * overlap in that order (as `stackCards` returns them), so their tops never decrease and the
 * first card that reaches the band is found by bisection: O(log n + cards in the band), which
 * keeps scrolling past thousands of cards cheap.
 */
export function cardsInBand(cards: readonly StackedCard[], band: MarginBand): StackedCard[] {
  // The first card whose bottom is below the band's top. Tops never decrease and cards do not
  // overlap, so bottoms never decrease either.
  let low = 0
  let high = cards.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const card = cards[middle]!
    if (card.top + card.height < band.top) low = middle + 1
    else high = middle
  }
  const inBand: StackedCard[] = []
  for (let index = low; index < cards.length; index++) {
    const card = cards[index]!
    if (card.top > band.bottom) break
    inBand.push(card)
  }
  return inBand
}

/** Whether `inner` lies wholly inside `outer`. */
export function bandContains(outer: MarginBand, inner: MarginBand): boolean {
  return outer.top <= inner.top && inner.bottom <= outer.bottom
}
