import type { Anchor } from '../annotations/annotation'

/** A stretch of the article's plain text, as offsets into it. */
export interface TextWindow {
  readonly start: number
  readonly end: number
}

/**
 * The annotations worth anchoring first when a seminar with thousands of them opens: those whose
 * recorded offsets fall on the screen, or within one screen's worth of text above or below it (so
 * that cards stacked just off screen already push the visible ones to where they will stay).
 *
 * The offsets are a hint, true of the edition the annotation was made on: an annotation moved by
 * later edits may be missed here, and the full anchoring that follows places it.
 */
export function anchoredNearScreen<T extends { readonly anchor?: Anchor | undefined }>(
  annotations: readonly T[],
  onScreen: TextWindow,
): T[] {
  const reach = Math.max(0, onScreen.end - onScreen.start)
  const start = onScreen.start - reach
  const end = onScreen.end + reach
  return annotations.filter(({ anchor }) => {
    if (!anchor) return false
    const { position } = anchor
    return position.start <= end && position.end >= start
  })
}
