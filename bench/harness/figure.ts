/** What a benchmark reports: measured figures, and rows for what cannot be measured yet. */

export type Unit = 'ms' | 'bytes' | 'MB' | '%'

/**
 * What a figure must reach. `below` and `at-most` compare its median with `value` (in its unit);
 * `ratio-at-most` compares its median over its baseline's median.
 */
export interface Target {
  readonly kind: 'below' | 'at-most' | 'ratio-at-most'
  readonly value: number
}

export interface Baseline {
  /** What the baseline is, e.g. "static HTML of the same text". */
  readonly name: string
  readonly runs: readonly number[]
}

export interface MeasuredFigure {
  readonly status: 'measured'
  /** Stable key in results.json, e.g. `open.interactive`. */
  readonly id: string
  readonly name: string
  readonly unit: Unit
  /** One value per repetition, warm-up excluded. */
  readonly runs: readonly number[]
  readonly baseline?: Baseline | undefined
  readonly target?: Target | undefined
  /** How it was measured, where the name alone would mislead. */
  readonly note?: string | undefined
}

export interface UnmeasuredFigure {
  readonly status: 'not-measured'
  readonly id: string
  readonly name: string
  /** Why there is no number, e.g. "the sync server is not built". */
  readonly reason: string
  readonly unit?: Unit | undefined
  readonly target?: Target | undefined
}

export type Figure = MeasuredFigure | UnmeasuredFigure

export function measured(figure: Omit<MeasuredFigure, 'status'>): MeasuredFigure {
  if (figure.runs.length === 0) throw new Error(`${figure.id}: no runs were measured.`)
  return { status: 'measured', ...figure }
}

export function notMeasured(figure: Omit<UnmeasuredFigure, 'status'>): UnmeasuredFigure {
  return { status: 'not-measured', ...figure }
}
