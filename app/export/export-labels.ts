import type { TFunction } from 'i18next'
import type { ExportLabels } from '../../src/core/export'

/** The words an export writes besides the user's own text, in the reader's UI language. */
export function exportLabelsFor(t: TFunction): ExportLabels {
  return {
    beforeFirstSection: t('export_label_beforeFirstSection'),
    orphanedReplies: t('export_label_orphanedReplies'),
    withoutPassage: t('export_label_withoutPassage'),
    notebook: t('export_label_notebook'),
    summary: t('export_label_summary'),
    anonymousStudent: t('export_label_anonymousStudent'),
    resolved: t('export_label_resolved'),
    kind: {
      highlight: t('export_label_highlight'),
      comment: t('export_label_comment'),
      reply: t('export_label_reply'),
    },
    visibility: {
      private: t('export_label_private'),
      instructors: t('export_label_instructors'),
      class: t('export_label_class'),
    },
    replyTo: t('export_label_replyTo'),
    columns: {
      student: t('export_column_student'),
      highlights: t('export_column_highlights'),
      comments: t('export_column_comments'),
      replies: t('export_column_replies'),
      words: t('export_column_words'),
      sections: t('export_column_sections'),
      firstActivity: t('export_column_firstActivity'),
      lastActivity: t('export_column_lastActivity'),
    },
  }
}
