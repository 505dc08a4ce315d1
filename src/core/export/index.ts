export type { ArticleSection, ArticleSections, SectionPlace } from './article-sections'
export { articleSections } from './article-sections'
export type {
  ExportInput,
  ExportLabels,
  MarkdownExportOptions,
  MarkdownShape,
  SeminarRole,
  SummaryColumn,
} from './export-input'
export { ENGLISH_EXPORT_LABELS } from './export-input'
export { exportMarkdown } from './export-markdown'
export { csvField, csvText, exportSummaryCsv } from './export-csv'
export { exportFileName } from './export-file-name'
export type { StudentSummary } from './student-summary'
export { studentSummaries, wordCount } from './student-summary'
export type { ArticleContext, PlacedThread, PlacedThreads } from './placed-threads'
export { articleContext, placeThreads } from './placed-threads'
export type { AuthorNames } from './author-names'
export { authorNames } from './author-names'
