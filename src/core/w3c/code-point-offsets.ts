/**
 * Converts between the offsets Hamish keeps (UTF-16 code units, JavaScript's string indices) and
 * those of a W3C TextPositionSelector, which counts Unicode code points. They differ only after
 * characters outside the Basic Multilingual Plane (emoji, some CJK), which an article rarely
 * has, so the positions of those characters are found once and each conversion is a search.
 */
export interface CodePointOffsets {
  toCodePoints(utf16Offset: number): number
  toUtf16(codePointOffset: number): number
}

export function codePointOffsets(text: string): CodePointOffsets {
  // UTF-16 offsets of the second half of each surrogate pair.
  const lowSurrogates: number[] = []
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const previous = text.charCodeAt(index - 1)
    if (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) {
      lowSurrogates.push(index)
    }
  }
  return {
    toCodePoints: (offset) =>
      offset - leadingCount(lowSurrogates.length, (i) => lowSurrogates[i]! < offset),
    // Pair i (low surrogate at UTF-16 offset `low`) is code point `low - i - 1`; each pair
    // before the offset adds one code unit.
    toUtf16: (offset) =>
      offset + leadingCount(lowSurrogates.length, (i) => lowSurrogates[i]! - i - 1 < offset),
  }
}

/** How many of the first `length` indices satisfy `holds`, which is true up to some index only. */
function leadingCount(length: number, holds: (index: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (holds(mid)) low = mid + 1
    else high = mid
  }
  return low
}
