import { authorNames } from './author-names'
import { exportLabels, type ExportInput } from './export-input'
import { articleContext, placeThreads } from './placed-threads'
import { studentSummaries, type StudentSummary } from './student-summary'
import { SUMMARY_COLUMNS } from './summary-table-mdast'

/** Makes spreadsheet programs read the file as UTF-8, so Arabic names show as Arabic. */
const BYTE_ORDER_MARK = '\uFEFF'
const CRLF = '\r\n'

/**
 * The grading sheet: one row per student with the collection's summary columns (timestamps in
 * ISO 8601, which spreadsheets sort), RFC 4180 quoting, CRLF line ends and a byte-order mark.
 * A user id column follows the name, unless students are anonymous.
 */
export function exportSummaryCsv(input: ExportInput): string {
  const labels = exportLabels(input)
  const names = authorNames(input, labels)
  const summaries = studentSummaries(
    placeThreads(input.annotations, articleContext(input.article)),
    names,
  )
  const withIds = input.anonymizeFor !== 'students'
  const header = SUMMARY_COLUMNS.map((column) => labels.columns[column])
  if (withIds) header.splice(1, 0, 'user_id')
  const rows = summaries.map((summary) => {
    const cells = summaryRow(summary)
    if (withIds) cells.splice(1, 0, summary.userId)
    return cells
  })
  return csvText([header, ...rows])
}

function summaryRow(summary: StudentSummary): string[] {
  return [
    summary.name,
    String(summary.highlights),
    String(summary.comments),
    String(summary.replies),
    String(summary.words),
    String(summary.sectionsTouched),
    summary.firstActivity ?? '',
    summary.lastActivity ?? '',
  ]
}

/** RFC 4180 text, with a byte-order mark and every row (the last too) ended by CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return BYTE_ORDER_MARK + rows.map((row) => row.map(csvField).join(',') + CRLF).join('')
}

/**
 * One field: guarded against formula injection (OWASP: a cell starting with = + - @, a tab or
 * a carriage return is taken for a formula, so it gets a leading apostrophe), then quoted when it
 * holds a comma, a quote or a line break, its quotes doubled.
 */
export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value
  return /[",\r\n]/u.test(guarded) ? `"${guarded.replace(/"/gu, '""')}"` : guarded
}
