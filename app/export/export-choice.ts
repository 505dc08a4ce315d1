import type { MarkdownExportOptions } from '../../src/core/export'

/*
 * Apart from the exporters (export-document.ts): the workspace keeps the reader's last choice
 * from the first render, while the exporters load with the export dialog.
 */

export type ExportFormat = 'markdown' | 'w3c' | 'csv'

/** Everything the export dialog lets the reader choose. */
export interface ExportChoice extends MarkdownExportOptions {
  readonly format: ExportFormat
}

export const DEFAULT_EXPORT_CHOICE: ExportChoice = {
  shape: 'my-notes',
  format: 'markdown',
  groupBy: 'section',
  includeHighlights: true,
  includeResolved: false,
  includeNotebook: false,
}
