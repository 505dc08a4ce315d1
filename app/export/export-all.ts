import { strToU8, zipSync } from 'fflate'
import { exportFileName, exportMarkdown, exportSummaryCsv } from '../../src/core/export'
import type { ExportSource } from './export-document'
import type { SeminarMember } from './members-activity'

export interface ExportAllNames {
  /** The combined collection's file stem. */
  readonly collection: string
  /** The grading sheet's file stem. */
  readonly grades: string
}

/**
 * Everything an instructor takes away in one file: a zip of one Markdown file per member who
 * wrote anything (their notes, each thread whole), the instructor's collection and the grading
 * CSV. File names come from member names, made safe, and never collide.
 */
export function exportAllZip(
  source: ExportSource,
  members: readonly SeminarMember[],
  names: ExportAllNames,
): Uint8Array {
  const input = {
    article: source.article,
    annotations: source.annotations,
    roles: source.roles,
    seminar: source.seminar,
    anonymizeFor: source.anonymizeFor,
    labels: source.labels,
    exportedAt: source.exportedAt,
    exporterVersion: source.exporterVersion,
  }
  const files: Record<string, Uint8Array> = {}
  const used = new Set<string>()
  const add = (stem: string, extension: string, text: string) => {
    let name = exportFileName(stem, extension)
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      name = exportFileName(`${stem} (${n})`, extension)
    }
    used.add(name.toLowerCase())
    files[name] = strToU8(text)
  }
  add(
    names.collection,
    'md',
    exportMarkdown(input, {
      shape: 'instructor-collection',
      groupBy: 'section',
      includeHighlights: true,
      includeResolved: true,
      includeNotebook: false,
    }),
  )
  add(names.grades, 'csv', exportSummaryCsv(input))
  const authors = new Set(source.annotations.map((annotation) => annotation.author))
  for (const member of members) {
    if (!authors.has(member.userId)) continue
    add(
      member.name,
      'md',
      exportMarkdown(
        { ...input, me: member.userId },
        {
          shape: 'my-notes',
          groupBy: 'section',
          includeHighlights: true,
          includeResolved: true,
          includeNotebook: false,
        },
      ),
    )
  }
  return zipSync(files, { level: 6 })
}
