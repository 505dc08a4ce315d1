/** How often a measurement is taken: warm-ups first (discarded), then the counted runs. */
export interface Repetitions {
  readonly warmup: number
  readonly runs: number
  /** Counted runs stop early once this much time has gone on them (at least one is taken). */
  readonly budgetMs: number
}

/** Takes the measurement `warmup + runs` times at most; returns the counted results in order. */
export async function repeat<T>(
  repetitions: Repetitions,
  once: (index: number) => Promise<T> | T,
): Promise<T[]> {
  for (let i = 0; i < repetitions.warmup; i++) await once(-1 - i)
  const results: T[] = []
  const start = performance.now()
  for (let i = 0; i < repetitions.runs; i++) {
    if (i > 0 && performance.now() - start > repetitions.budgetMs) break
    results.push(await once(i))
  }
  return results
}

/** Wall-clock milliseconds of a synchronous piece of work. */
export function timeSync(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}
