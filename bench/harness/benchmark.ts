import type { Figure } from './figure'
import type { Fixtures } from './fixtures'

export interface BenchContext {
  /** `--quick`: fewer repetitions, for a run under three minutes. */
  readonly quick: boolean
  readonly fixtures: Fixtures
  /** The quick or the full variant of a setting, for the mode of this run. */
  choose<T>(quick: T, full: T): T
  /** Progress, on stderr: the table alone goes to stdout. */
  log(message: string): void
}

/** One benchmark of the suite: a module registered in bench/registry.ts. */
export interface Benchmark {
  /** What `--only` takes, e.g. `open`. */
  readonly name: string
  readonly title: string
  /** Whether it serves the built web app (`npm run build` must be fresh). */
  readonly needsWebBuild: boolean
  run(context: BenchContext): Promise<readonly Figure[]>
}
