import * as Y from 'yjs'
import type { Annotation, Visibility } from '../../core/annotations/annotation'
import { AnnotationCollection } from '../../core/annotations/annotation-collection'
import type { AnnotationSource, InvalidAnnotation } from '../../core/annotations/annotation-entry'
import { ArticleDocSchema, type ArticleDoc } from '../../core/article/article-doc'
import { docName, isSeminarId, type UserDocScope } from '../../core/seminar/doc-names'
import { ExitCode, HamishError } from '../hamish-error'
import type { MemberRecord, SeminarRecord } from '../seminar/seminar-records'
import type { SeminarStoreAccess } from './seminar-store-access'

export interface SeminarContents {
  readonly seminar: SeminarRecord
  readonly article: ArticleDoc
  /** Everyone who ever joined, the removed included: their annotations stay in the seminar. */
  readonly members: readonly MemberRecord[]
}

/** The seminar's record, article and members; a clear error for a seminar the store lacks. */
export function readSeminarContents(store: SeminarStoreAccess, seminarId: string): SeminarContents {
  const seminar = isSeminarId(seminarId) ? store.records.seminar(seminarId) : null
  if (!seminar) {
    throw new HamishError(
      `there is no seminar "${seminarId}" in this data folder.`,
      ExitCode.noInput,
    )
  }
  const row = store.db.prepare('SELECT article_json FROM seminars WHERE id = ?').get(seminarId)
  const parsed = ArticleDocSchema.safeParse(JSON.parse(String(row?.['article_json'] ?? 'null')))
  if (!parsed.success) {
    throw new HamishError(
      `the article of seminar "${seminarId}" is damaged in the store: ${parsed.error.message}`,
      ExitCode.dataError,
    )
  }
  return { seminar, article: parsed.data, members: store.records.members(seminarId) }
}

/** The member with this id; a clear error for anyone else. */
export function findMember(contents: SeminarContents, userId: string): MemberRecord {
  const member = contents.members.find((candidate) => candidate.userId === userId)
  if (!member) {
    throw new HamishError(
      `seminar "${contents.seminar.id}" has no member "${userId}".`,
      ExitCode.noInput,
    )
  }
  return member
}

/** A document as the store holds it: its compacted state and every update appended since. */
export function loadStoredDoc(store: SeminarStoreAccess, name: string): Y.Doc {
  const doc = new Y.Doc()
  const stored = store.documents.load(name)
  if (stored) Y.applyUpdate(doc, stored)
  return doc
}

const VISIBILITY_OF_SCOPE: Readonly<Record<UserDocScope, Visibility>> = {
  class: 'class',
  instructor: 'instructors',
  private: 'private',
}

/**
 * The documents `viewer` may read, as the server's access rules (DESIGN.md) grant them: their
 * own three, everyone's class documents, and for an instructor everyone's instructor documents.
 * No viewer: the seminar as its instructors see it, without anyone's private notes.
 */
export function readableScopes(
  member: MemberRecord,
  viewer: MemberRecord | null,
): readonly UserDocScope[] {
  if (viewer?.userId === member.userId) return ['private', 'instructor', 'class']
  if (viewer === null || viewer.role === 'instructor') return ['instructor', 'class']
  return ['class']
}

export interface VisibleAnnotations {
  readonly annotations: readonly Annotation[]
  readonly invalid: readonly InvalidAnnotation[]
}

/** Every annotation `viewer` may read (see `readableScopes`), validated. */
export function visibleAnnotations(
  store: SeminarStoreAccess,
  contents: SeminarContents,
  viewer: MemberRecord | null,
): VisibleAnnotations {
  const sources: AnnotationSource[] = []
  for (const member of contents.members) {
    for (const scope of readableScopes(member, viewer)) {
      const name = docName({
        kind: 'user',
        seminarId: contents.seminar.id,
        userId: member.userId,
        scope,
      })
      sources.push({
        doc: loadStoredDoc(store, name),
        owner: member.userId,
        visibility: VISIBILITY_OF_SCOPE[scope],
      })
    }
  }
  const collection = new AnnotationCollection(sources)
  return { annotations: collection.all(), invalid: collection.invalid() }
}
