import type { Annotation } from '../../src/core/annotations/annotation'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import {
  articleContext,
  authorNames,
  ENGLISH_EXPORT_LABELS,
  placeThreads,
  studentSummaries,
  type SeminarRole,
  type StudentSummary,
} from '../../src/core/export'

/** A member of the seminar as the dashboard lists them (a local reading: the reader alone). */
export interface SeminarMember {
  readonly userId: string
  readonly name: string
  readonly role: SeminarRole
}

export interface MemberActivity {
  readonly member: SeminarMember
  readonly summary: StudentSummary
}

/**
 * Each member's counts, in the members' order, followed by anyone else who wrote (a member who
 * has left): highlights, comments, replies, words, sections touched, first and last activity.
 * Everyone is counted, instructors too; their role is shown beside them.
 */
export function membersActivity(
  article: ArticleDoc,
  annotations: readonly Annotation[],
  members: readonly SeminarMember[],
): MemberActivity[] {
  const names = authorNames(
    { article, annotations, exportedAt: new Date(0), exporterVersion: '' },
    ENGLISH_EXPORT_LABELS,
  )
  const placed = placeThreads(annotations, articleContext(article))
  const summaries = new Map(studentSummaries(placed, names).map((s) => [s.userId, s]))
  const listed = new Set(members.map((member) => member.userId))
  const others = [...summaries.values()]
    .filter((summary) => !listed.has(summary.userId))
    .map((summary): SeminarMember => ({
      userId: summary.userId,
      name: summary.name,
      role: 'student',
    }))
  return [...members, ...others].map((member) => ({
    member,
    summary: { ...(summaries.get(member.userId) ?? emptySummary(member)), name: member.name },
  }))
}

function emptySummary(member: SeminarMember): StudentSummary {
  return {
    userId: member.userId,
    name: member.name,
    highlights: 0,
    comments: 0,
    replies: 0,
    words: 0,
    sectionsTouched: 0,
    firstActivity: null,
    lastActivity: null,
  }
}

/** One of a member's comments or replies, with the passage of its thread. */
export interface MemberComment {
  readonly annotation: Annotation
  /** The thread's root: where "show the passage" goes. */
  readonly rootId: string
  readonly quote: string | null
  /** The article section the passage is in; null before the first heading or unplaced. */
  readonly section: string | null
}

/** A member's comments and replies in article order (the order of their threads' passages). */
export function memberComments(
  article: ArticleDoc,
  annotations: readonly Annotation[],
  userId: string,
): MemberComment[] {
  const placed = placeThreads(annotations, articleContext(article))
  return placed.threads.flatMap((thread) =>
    [thread.root, ...thread.replies]
      .filter((annotation) => annotation.author === userId && annotation.kind !== 'highlight')
      .map((annotation) => ({
        annotation,
        rootId: thread.root.id,
        quote: thread.root.anchor?.quote.exact ?? null,
        section: typeof thread.place === 'object' ? thread.place.title : null,
      })),
  )
}
