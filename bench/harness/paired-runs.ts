import { median } from './statistics'

/*
 * Comparing two builds on a noisy machine: the median of each drifts with the machine's load
 * by more than most changes are worth (the empty reader's median moved from 710 to 950 ms
 * between runs minutes apart). Loads of the two alternate, and each round's difference is taken
 * between its own two loads, so what the machine does over minutes falls on both alike.
 */

/** Which of two variants loads first in a round: they take turns, so neither always goes first. */
export function orderInRound<T>(round: number, variants: readonly [T, T]): [T, T] {
  const [a, b] = variants
  return round % 2 === 0 ? [a, b] : [b, a]
}

/** `after[i] − before[i]` for each round; both lists hold one measurement per round. */
export function pairedDifferences(before: readonly number[], after: readonly number[]): number[] {
  if (before.length !== after.length) {
    throw new Error(`Paired runs need as many of each: ${before.length} against ${after.length}.`)
  }
  return before.map((value, round) => after[round]! - value)
}

/** How one figure compares: each variant's median, and the median of the rounds' differences. */
export interface PairedComparison {
  readonly medianBefore: number
  readonly medianAfter: number
  readonly medianDifference: number
  readonly differences: readonly number[]
}

export function comparePaired(
  before: readonly number[],
  after: readonly number[],
): PairedComparison {
  const differences = pairedDifferences(before, after)
  return {
    medianBefore: median(before),
    medianAfter: median(after),
    medianDifference: median(differences),
    differences,
  }
}
