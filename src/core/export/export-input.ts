import type { Annotation, Visibility } from '../annotations/annotation'
import type { ArticleDoc, PMNode } from '../article/article-doc'

export type SeminarRole = 'student' | 'instructor'

/** Everything an export is made from; the caller has already left out what the user may not read. */
export interface ExportInput {
  readonly article: ArticleDoc
  /** The annotations visible to the exporting user, in any order. */
  readonly annotations: readonly Annotation[]
  /** The exporting user's id: "my notes" are theirs, and anonymity never hides their own name. */
  readonly me?: string | undefined
  readonly seminar?: { readonly id: string; readonly title: string } | undefined
  /** ProseMirror JSON of the notebook, written out when `includeNotebook` is set. */
  readonly notebook?: PMNode | undefined
  /** Seminar roles by user id; anyone not listed counts as a student. */
  readonly roles?: Readonly<Record<string, SeminarRole>> | undefined
  /** 'students': other students are named "Student 1", "Student 2"…; instructors keep their names. */
  readonly anonymizeFor?: 'students' | null | undefined
  readonly exportedAt: Date
  readonly exporterVersion: string
  /** Wording in the reader's language; English by default. */
  readonly labels?: Partial<ExportLabels> | undefined
}

export type MarkdownShape = 'my-notes' | 'seminar-notes' | 'instructor-collection'

export interface MarkdownExportOptions {
  readonly shape: MarkdownShape
  readonly groupBy: 'section' | 'author' | 'date'
  /** Highlights that nobody commented on. */
  readonly includeHighlights: boolean
  readonly includeResolved: boolean
  readonly includeNotebook: boolean
}

/**
 * The words an export writes besides the user's own text. They belong to the reader's language,
 * not the article's, so the UI passes its own; core code has no translations.
 */
export interface ExportLabels {
  /** Heading for annotations on text before the article's first heading. */
  readonly beforeFirstSection: string
  /** Heading for replies whose thread is gone or not readable. */
  readonly orphanedReplies: string
  /** Heading for annotations whose passage cannot be placed in the article. */
  readonly withoutPassage: string
  readonly notebook: string
  readonly summary: string
  /** The anonymous name of a student: "{n}" is replaced by their number. */
  readonly anonymousStudent: string
  readonly resolved: string
  readonly kind: Readonly<Record<Annotation['kind'], string>>
  readonly visibility: Readonly<Record<Visibility, string>>
  /** "{name}" is replaced by the author replied to. */
  readonly replyTo: string
  readonly columns: Readonly<Record<SummaryColumn, string>>
}

export type SummaryColumn =
  | 'student'
  | 'highlights'
  | 'comments'
  | 'replies'
  | 'words'
  | 'sections'
  | 'firstActivity'
  | 'lastActivity'

export const ENGLISH_EXPORT_LABELS: ExportLabels = {
  beforeFirstSection: 'Before the first heading',
  orphanedReplies: 'Replies to annotations no longer available',
  withoutPassage: 'Annotations without a passage',
  notebook: 'Notebook',
  summary: 'Summary',
  anonymousStudent: 'Student {n}',
  resolved: 'resolved',
  kind: { highlight: 'Highlight', comment: 'Comment', reply: 'Reply' },
  visibility: { private: 'private', instructors: 'instructors only', class: 'class' },
  replyTo: 'reply to {name}',
  columns: {
    student: 'Student',
    highlights: 'Highlights',
    comments: 'Comments',
    replies: 'Replies',
    words: 'Words',
    sections: 'Sections touched',
    firstActivity: 'First activity',
    lastActivity: 'Last activity',
  },
}

export function exportLabels(input: ExportInput): ExportLabels {
  return { ...ENGLISH_EXPORT_LABELS, ...input.labels }
}

/** Fills "{name}"-style slots; a slot with no value is left as written. */
export function fillLabel(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/gu, (slot, key: string) => values[key] ?? slot)
}
