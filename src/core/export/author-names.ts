import type { Annotation } from '../annotations/annotation'
import { byCreation } from '../annotations/annotation-order'
import { fillLabel, type ExportInput, type ExportLabels } from './export-input'

/** How an export names people: by their latest display name, or anonymously. */
export interface AuthorNames {
  nameOf(userId: string): string
  isStudent(userId: string): boolean
}

export function authorNames(input: ExportInput, labels: ExportLabels): AuthorNames {
  const roles = input.roles ?? {}
  const isStudent = (userId: string): boolean => roles[userId] !== 'instructor'

  // A user may have renamed themselves since their first comment: the latest name is theirs now.
  const latest = new Map<string, Annotation>()
  for (const annotation of input.annotations) {
    const seen = latest.get(annotation.author)
    if (seen === undefined || seen.updatedAt < annotation.updatedAt) {
      latest.set(annotation.author, annotation)
    }
  }

  // Numbered by first appearance, so a student who joins later never renumbers the others.
  const numbers = new Map<string, number>()
  if (input.anonymizeFor === 'students') {
    for (const annotation of [...input.annotations].sort(byCreation)) {
      const { author } = annotation
      if (author === input.me || !isStudent(author) || numbers.has(author)) continue
      numbers.set(author, numbers.size + 1)
    }
  }

  const nameOf = (userId: string): string => {
    const number = numbers.get(userId)
    if (number !== undefined) return fillLabel(labels.anonymousStudent, { n: String(number) })
    const name = oneLine(latest.get(userId)?.authorName ?? '')
    return name === '' ? userId : name
  }
  // Asked once for every annotation written: each name is made once.
  const names = new Map<string, string>()
  return {
    isStudent,
    nameOf(userId) {
      let name = names.get(userId)
      if (name === undefined) names.set(userId, (name = nameOf(userId)))
      return name
    },
  }
}

/** Names go into headings and table cells, which are one line each. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}
