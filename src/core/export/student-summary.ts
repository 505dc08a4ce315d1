import type { Annotation } from '../annotations/annotation'
import type { AuthorNames } from './author-names'
import type { PlacedThreads } from './placed-threads'

/** One student's activity, for the collection's table and the grading CSV. */
export interface StudentSummary {
  readonly userId: string
  /** As the export names them (anonymous when asked). */
  readonly name: string
  readonly highlights: number
  readonly comments: number
  readonly replies: number
  /** Words written in comment and reply bodies. */
  readonly words: number
  /** Distinct article sections their annotations and replies sit in. */
  readonly sectionsTouched: number
  /** ISO timestamps; null for a student with nothing. */
  readonly firstActivity: string | null
  readonly lastActivity: string | null
}

/**
 * A summary per student who wrote anything, ordered by name ("Student 2" before "Student 10").
 * Everything the exporting user can read counts, whatever the listing leaves out.
 */
export function studentSummaries(placed: PlacedThreads, names: AuthorNames): StudentSummary[] {
  const sectionOf = new Map<string, string>()
  for (const thread of placed.threads) {
    if (thread.place === 'unplaced') continue
    const key = thread.place === 'before-first' ? thread.place : String(thread.place.index)
    for (const annotation of [thread.root, ...thread.replies]) sectionOf.set(annotation.id, key)
  }

  const byStudent = new Map<string, Annotation[]>()
  const all = [
    ...placed.threads.flatMap((thread) => [thread.root, ...thread.replies]),
    ...placed.orphanedReplies.flatMap((orphans) => orphans.replies),
  ]
  for (const annotation of all) {
    if (!names.isStudent(annotation.author)) continue
    const list = byStudent.get(annotation.author)
    if (list) list.push(annotation)
    else byStudent.set(annotation.author, [annotation])
  }

  return [...byStudent]
    .map(([userId, annotations]) => summarize(userId, names.nameOf(userId), annotations, sectionOf))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
}

function summarize(
  userId: string,
  name: string,
  annotations: readonly Annotation[],
  sectionOf: ReadonlyMap<string, string>,
): StudentSummary {
  const count = (kind: Annotation['kind']) => annotations.filter((a) => a.kind === kind).length
  const sections = new Set(annotations.flatMap((a) => sectionOf.get(a.id) ?? []))
  const times = annotations
    .flatMap((a) => [Date.parse(a.createdAt), Date.parse(a.updatedAt)])
    .filter((time) => !Number.isNaN(time))
  return {
    userId,
    name,
    highlights: count('highlight'),
    comments: count('comment'),
    replies: count('reply'),
    words: annotations.reduce((sum, a) => sum + wordCount(a.body), 0),
    sectionsTouched: sections.size,
    firstActivity: times.length === 0 ? null : new Date(times.reduce(min)).toISOString(),
    lastActivity: times.length === 0 ? null : new Date(times.reduce(max)).toISOString(),
  }
}

const min = (a: number, b: number): number => Math.min(a, b)
const max = (a: number, b: number): number => Math.max(a, b)

let segmenter: Intl.Segmenter | undefined

/** Words as Unicode word boundaries find them: Arabic and English alike, punctuation not counted. */
export function wordCount(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })
  let words = 0
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words += 1
  return words
}
