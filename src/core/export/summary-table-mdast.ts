import type { Table, TableRow } from 'mdast'
import type { ExportLabels, SummaryColumn } from './export-input'
import type { StudentSummary } from './student-summary'
import { minuteOf } from './thread-mdast'

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  'student',
  'highlights',
  'comments',
  'replies',
  'words',
  'sections',
  'firstActivity',
  'lastActivity',
]

/** One summary's cells, in SUMMARY_COLUMNS order, as a person reads them. */
export function summaryCells(summary: StudentSummary): string[] {
  return [
    summary.name,
    String(summary.highlights),
    String(summary.comments),
    String(summary.replies),
    String(summary.words),
    String(summary.sectionsTouched),
    summary.firstActivity === null ? '' : minuteOf(summary.firstActivity),
    summary.lastActivity === null ? '' : minuteOf(summary.lastActivity),
  ]
}

/** The students' table (GFM); names are text cells, so a "|" in one stays in its cell. */
export function summaryTable(summaries: readonly StudentSummary[], labels: ExportLabels): Table {
  const row = (cells: readonly string[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((value) => ({ type: 'tableCell', children: [{ type: 'text', value }] })),
  })
  return {
    type: 'table',
    align: SUMMARY_COLUMNS.map((column) =>
      column === 'student' || column.endsWith('Activity') ? 'left' : 'right',
    ),
    children: [
      row(SUMMARY_COLUMNS.map((column) => labels.columns[column])),
      ...summaries.map((summary) => row(summaryCells(summary))),
    ],
  }
}
