/** What a thread card shows, as far as its height goes. */
export interface CardOutline {
  /** The length in characters of each entry's body: the comment first, then its replies. */
  bodyLengths: readonly number[]
  /** How many entries carry tags. */
  taggedEntries: number
}

/** Sizes at the default text size; a guess is corrected as soon as the card is measured. */
const CARD_CHROME_PX = 44 // padding, border and the row of thread actions
const ENTRY_HEADER_PX = 24 // author, time, badges
const ENTRY_GAP_PX = 12
const LINE_PX = 21
const CHARACTERS_PER_LINE = 34
const TAG_ROW_PX = 26
const OWN_ACTIONS_PX = 22

/**
 * A guess at a card's height before it has ever been on screen: the margin lays out thousands
 * of cards but renders only those near the viewport, so the rest are stacked by this guess.
 * It errs on no side in particular; a card is measured when it is rendered and its real height
 * replaces the guess.
 */
export function estimateCardHeight(outline: CardOutline): number {
  const entries = outline.bodyLengths.map(
    (length) =>
      ENTRY_HEADER_PX +
      OWN_ACTIONS_PX +
      (length === 0 ? 0 : Math.ceil(length / CHARACTERS_PER_LINE) * LINE_PX),
  )
  const body = entries.reduce((sum, height) => sum + height, 0)
  const gaps = Math.max(0, entries.length - 1) * ENTRY_GAP_PX
  return CARD_CHROME_PX + body + gaps + outline.taggedEntries * TAG_ROW_PX
}
