import type { Figure } from './figure'
import type { MachineDescription, Revision } from './machine'
import type { FigureSummary } from './summary'

/** bench/results.json: every figure with its runs, and what, where and when was measured. */
export interface ResultsFile {
  readonly date: string
  readonly mode: 'quick' | 'full'
  readonly revision: Revision
  readonly machine: MachineDescription
  readonly figures: readonly (Figure & { readonly summary: FigureSummary })[]
}

export function resultsFile(input: {
  date: Date
  quick: boolean
  revision: Revision
  machine: MachineDescription
  figures: readonly Figure[]
  summaries: readonly FigureSummary[]
}): ResultsFile {
  return {
    date: input.date.toISOString(),
    mode: input.quick ? 'quick' : 'full',
    revision: input.revision,
    machine: input.machine,
    figures: input.figures.map((figure, i) => ({
      ...rounded(figure),
      summary: input.summaries[i]!,
    })),
  }
}

/** Runs to a microsecond (or a thousandth of a byte): the digits past that are timer noise. */
function rounded(figure: Figure): Figure {
  if (figure.status === 'not-measured') return figure
  const round = (runs: readonly number[]) => runs.map((run) => Math.round(run * 1000) / 1000)
  return {
    ...figure,
    runs: round(figure.runs),
    baseline: figure.baseline && { ...figure.baseline, runs: round(figure.baseline.runs) },
  }
}
