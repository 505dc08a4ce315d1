/**
 * mulberry32: a small, fast seeded PRNG, for randomised tests that must replay exactly.
 * Returns floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A whole number in [min, max], drawn from `random`. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

/** A text of `min` to `max` pieces, each drawn from `pieces`: the bodies of randomised tests. */
export function randomPieces(
  random: () => number,
  pieces: readonly string[],
  min: number,
  max: number,
): string {
  return Array.from(
    { length: randomInt(random, min, max) },
    () => pieces[randomInt(random, 0, pieces.length - 1)],
  ).join('')
}
