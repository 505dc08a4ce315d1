import type { Figure, Target, Unit } from './figure'
import { isUnstable, max, median, min } from './statistics'

export type Verdict = 'meets' | 'MISSES target' | 'no target' | 'not yet measured'

export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
}

/** One row of the table: a figure reduced to its median and its verdict. */
export interface FigureSummary {
  readonly id: string
  readonly name: string
  readonly unit: Unit | null
  readonly measured: Spread | null
  readonly baselineName: string | null
  readonly baseline: Spread | null
  /** Median over baseline median. */
  readonly ratio: number | null
  readonly target: string | null
  readonly verdict: Verdict
  /** How many times over its target a missed figure is (its median, or its ratio). */
  readonly overTarget: number | null
  /** Its runs, or its baseline's, disagree too much for the median to be trusted. */
  readonly unstable: boolean
  readonly reason: string | null
  readonly note: string | null
}

export function summarise(figure: Figure): FigureSummary {
  const target = figure.target ? describeTarget(figure.target, figure.unit ?? null) : null
  if (figure.status === 'not-measured') {
    return {
      id: figure.id,
      name: figure.name,
      unit: null,
      measured: null,
      baselineName: null,
      baseline: null,
      ratio: null,
      target,
      verdict: 'not yet measured',
      overTarget: null,
      unstable: false,
      reason: figure.reason,
      note: null,
    }
  }
  const spread = spreadOf(figure.runs)
  const baseline = figure.baseline ? spreadOf(figure.baseline.runs) : null
  // Shares are compared in points, not as a ratio: 0.8% against 23.5% orphaned is not "0.03×".
  const ratio =
    baseline && baseline.median !== 0 && figure.unit !== '%'
      ? spread.median / baseline.median
      : null
  const compared = figure.target ? comparedValue(figure.target, spread.median, ratio) : null
  const meets = figure.target && compared !== null ? reaches(figure.target, compared) : null
  return {
    id: figure.id,
    name: figure.name,
    unit: figure.unit,
    measured: spread,
    baselineName: figure.baseline?.name ?? null,
    baseline,
    ratio,
    target,
    verdict: meets === null ? 'no target' : meets ? 'meets' : 'MISSES target',
    overTarget: meets === false && figure.target ? compared! / figure.target.value : null,
    unstable:
      isUnstable(figure.runs) || (figure.baseline ? isUnstable(figure.baseline.runs) : false),
    reason: null,
    note: figure.note ?? null,
  }
}

export function describeTarget(target: Target, unit: Unit | null): string {
  switch (target.kind) {
    case 'below':
      return `< ${target.value}${unit ? ` ${unit}` : ''}`
    case 'at-most':
      return `≤ ${target.value}${unit ? ` ${unit}` : ''}`
    case 'ratio-at-most':
      return `≤ ${target.value}× baseline`
  }
}

function spreadOf(runs: readonly number[]): Spread {
  return { median: median(runs), min: min(runs), max: max(runs) }
}

function comparedValue(target: Target, value: number, ratio: number | null): number | null {
  return target.kind === 'ratio-at-most' ? ratio : value
}

function reaches(target: Target, value: number): boolean {
  return target.kind === 'below' ? value < target.value : value <= target.value
}
