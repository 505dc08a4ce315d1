import type { Annotation } from '../../src/core/annotations/annotation'
import type { ArticleDoc, PMNode } from '../../src/core/article/article-doc'
import {
  exportFileName,
  exportMarkdown,
  exportSummaryCsv,
  type ExportInput,
  type ExportLabels,
  type MarkdownShape,
  type SeminarRole,
} from '../../src/core/export'
import { toW3C } from '../../src/core/w3c'
import type { ExportChoice, ExportFormat } from './export-choice'

/** What there is to export, as the workspace holds it now. */
export interface ExportSource {
  readonly article: ArticleDoc
  /** Every annotation the reader may read. */
  readonly annotations: readonly Annotation[]
  readonly me: string
  readonly notebook?: PMNode | undefined
  readonly roles?: Readonly<Record<string, SeminarRole>> | undefined
  readonly seminar?: { readonly id: string; readonly title: string } | undefined
  readonly anonymizeFor?: 'students' | null | undefined
  readonly labels: Partial<ExportLabels>
  readonly exporterVersion: string
  readonly exportedAt: Date
}

export interface ExportDocument {
  readonly text: string
  readonly fileName: string
  readonly mimeType: string
}

/** The shapes a reader may export: the instructor's collection is an instructor's alone. */
export function shapesFor(isInstructor: boolean): readonly MarkdownShape[] {
  return isInstructor
    ? ['my-notes', 'seminar-notes', 'instructor-collection']
    : ['my-notes', 'seminar-notes']
}

/** The formats of a shape: the grading CSV is made of the collection's summary. */
export function formatsFor(shape: MarkdownShape): readonly ExportFormat[] {
  return shape === 'instructor-collection' ? ['markdown', 'w3c', 'csv'] : ['markdown', 'w3c']
}

/**
 * A choice made consistent: a shape the reader may not export falls back to their notes, and a
 * format the shape does not have to Markdown.
 */
export function normalizeChoice(choice: ExportChoice, isInstructor: boolean): ExportChoice {
  const shape = shapesFor(isInstructor).includes(choice.shape) ? choice.shape : 'my-notes'
  const format = formatsFor(shape).includes(choice.format) ? choice.format : 'markdown'
  return { ...choice, shape, format }
}

/** Whether the Markdown options (grouping, highlights, resolved, notebook) mean anything. */
export function markdownOptionsApply(choice: ExportChoice): boolean {
  return choice.format === 'markdown'
}

/** The annotations a shape holds in W3C form: for "my notes", the reader's own. */
function w3cAnnotations(source: ExportSource, shape: MarkdownShape): readonly Annotation[] {
  return shape === 'my-notes'
    ? source.annotations.filter((annotation) => annotation.author === source.me)
    : source.annotations
}

/** The export as the file it will be saved as. */
export function exportDocument(
  source: ExportSource,
  choice: ExportChoice,
  shapeName: string,
): ExportDocument {
  const input: ExportInput = {
    article: source.article,
    annotations: source.annotations,
    me: source.me,
    notebook: source.notebook,
    roles: source.roles,
    seminar: source.seminar,
    anonymizeFor: source.anonymizeFor,
    labels: source.labels,
    exportedAt: source.exportedAt,
    exporterVersion: source.exporterVersion,
  }
  const stem = `${source.article.meta.title} - ${shapeName}`
  switch (choice.format) {
    case 'markdown':
      return {
        text: exportMarkdown(input, choice),
        fileName: exportFileName(stem, 'md'),
        mimeType: 'text/markdown;charset=utf-8',
      }
    case 'w3c': {
      const collection = toW3C(w3cAnnotations(source, choice.shape), {
        article: source.article,
        exportedAt: source.exportedAt,
        exporterVersion: source.exporterVersion,
      })
      return {
        text: `${JSON.stringify(collection, null, 2)}\n`,
        fileName: exportFileName(stem, 'jsonld'),
        mimeType: 'application/ld+json;charset=utf-8',
      }
    }
    case 'csv':
      return {
        text: exportSummaryCsv(input),
        fileName: exportFileName(stem, 'csv'),
        mimeType: 'text/csv;charset=utf-8',
      }
  }
}

/** The first lines of an export, as the dialog previews it (no byte-order mark). */
export function previewLines(text: string, lines = 40): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  let end = -1
  for (let count = 0; count < lines; count++) {
    end = body.indexOf('\n', end + 1)
    if (end === -1) return body
  }
  return body.slice(0, end)
}
