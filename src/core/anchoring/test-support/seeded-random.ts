import { mulberry32, randomInt } from '../../seeded-random'

/**
 * A small seeded PRNG (mulberry32), so a randomised test fails the same way every run and a
 * failure can be replayed from its seed.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
}

export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed)
  const int = (min: number, max: number): number => randomInt(next, min, max)
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('cannot pick from an empty list')
      return items[int(0, items.length - 1)] as T
    },
    chance: (probability) => next() < probability,
  }
}
