import type { Unit } from './figure'
import type { FigureSummary } from './summary'

const HEADERS = [
  'Benchmark',
  'Median',
  'Min–max',
  'Baseline (median)',
  'Ratio',
  'Target',
  'Verdict',
]

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${value >= 100 ? Math.round(value) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ms`
    case 'bytes':
      return `${Math.round(value).toLocaleString('en-US')} B`
    case 'MB':
      return `${value.toFixed(1)} MB`
    case '%':
      return `${value.toFixed(1)}%`
  }
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`
}

export function verdictText(summary: FigureSummary): string {
  if (summary.verdict === 'not yet measured') return `not yet measured: ${summary.reason ?? ''}`
  return summary.unstable ? `${summary.verdict} · unstable` : summary.verdict
}

function cells(summary: FigureSummary): string[] {
  const { measured, baseline, unit } = summary
  const value = (n: number) => (unit ? formatValue(n, unit) : String(n))
  return [
    summary.name,
    measured ? value(measured.median) : '—',
    measured ? `${value(measured.min)} – ${value(measured.max)}` : '—',
    baseline ? `${value(baseline.median)} (${summary.baselineName ?? 'baseline'})` : '—',
    summary.ratio === null ? '—' : formatRatio(summary.ratio),
    summary.target ?? '—',
    verdictText(summary),
  ]
}

/** The table for a terminal: columns padded with spaces. */
export function textTable(summaries: readonly FigureSummary[]): string {
  const rows = [HEADERS, ...summaries.map(cells)]
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  return [
    line(rows[0]!),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n')
}

/** The same table in GitHub-flavoured Markdown. */
export function markdownTable(summaries: readonly FigureSummary[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|')
  const line = (row: string[]) => `| ${row.map(escape).join(' | ')} |`
  return [
    line(HEADERS),
    line(HEADERS.map(() => '---')),
    ...summaries.map((s) => line(cells(s))),
  ].join('\n')
}
