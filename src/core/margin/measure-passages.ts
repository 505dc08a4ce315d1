/** A passage measured: the top of where it starts, in the margin's coordinates. */
export interface MeasuredPassage<T> {
  readonly item: T
  readonly anchorTop: number
}

export interface PassageMeasurement<T> {
  /** The passages measured, in passage order. */
  readonly measured: readonly MeasuredPassage<T>[]
  /** False when passages below `limit` were left to measure later. */
  readonly complete: boolean
}

/**
 * Measures passages in passage order and stops at the first one that starts below `limit`.
 *
 * Cards stack downwards, so a card is only ever moved by the cards before it: stopping at a line
 * leaves every card above it where it will finally be. Opening a seminar's article, measuring
 * the passages of thousands of comments (one `coordsAtPos` each) before the first screen showed
 * cost tens of milliseconds; the margin measures as far as the screen needs and the rest when
 * the page is idle.
 */
export function measurePassages<T>(
  inPassageOrder: readonly T[],
  measure: (item: T) => number,
  limit: number,
): PassageMeasurement<T> {
  const measured: MeasuredPassage<T>[] = []
  for (const item of inPassageOrder) {
    const anchorTop = measure(item)
    if (anchorTop > limit) return { measured, complete: false }
    measured.push({ item, anchorTop })
  }
  return { measured, complete: true }
}
