/** Summaries of repeated measurements. Every function takes a non-empty list. */

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** The p-th percentile (0–100), interpolating between the two nearest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('No values to summarise.')
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low)
}

export function min(values: readonly number[]): number {
  return Math.min(...values)
}

export function max(values: readonly number[]): number {
  return Math.max(...values)
}

/** Standard deviation over mean; 0 for a single value or an all-zero list. */
export function coefficientOfVariation(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  if (values.length < 2 || mean === 0) return 0
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1)
  return Math.sqrt(variance) / Math.abs(mean)
}

/** Past these, runs of one figure disagree too much for its median to be trusted. */
export const UNSTABLE_SPREAD = { maxOverMin: 3, coefficientOfVariation: 0.5 } as const

export function isUnstable(values: readonly number[]): boolean {
  if (values.length < 2) return false
  const low = min(values)
  const high = max(values)
  if (high === low) return false
  if (low <= 0) return true
  return (
    high / low > UNSTABLE_SPREAD.maxOverMin ||
    coefficientOfVariation(values) > UNSTABLE_SPREAD.coefficientOfVariation
  )
}
