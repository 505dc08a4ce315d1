import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { buildArticleTextIndex, createAnchor } from '../../../core/anchoring'
import type { Anchor, Visibility } from '../../../core/annotations/annotation'
import { AnnotationStore } from '../../../core/annotations/annotation-store'
import { articlePlainText } from '../../../core/article'
import type { ArticleDoc } from '../../../core/article/article-doc'
import { sampleArticle } from '../../../core/article/sample-article'
import { contentHash } from '../../../core/content-hash'
import {
  ARTICLE_CONTENT_FRAGMENT,
  seedSeminarArticle,
} from '../../../core/seminar/article-doc-seed'
import { docName } from '../../../core/seminar/doc-names'
import type { Role } from '../../../core/seminar/role'
import { SeminarSettings } from '../../../core/seminar/seminar-settings'
import { DocumentStore } from '../../seminar/document-store'
import { openSeminarDatabase } from '../../seminar/seminar-database'
import { SeminarRecords, type MemberRecord } from '../../seminar/seminar-records'

export const SEMINAR_ID = 'seminar-1'
export const FIRST_SECTION = 'القسم الأول'
export const SECOND_SECTION = 'القسم الثاني'
export const FIRST_PASSAGE = 'الدبلوماسية الدفاعية أداة من أدوات السياسة الخارجية.'
export const SECOND_PASSAGE = 'يتناول هذا المبحث أهداف الدبلوماسية الدفاعية.'

const text = (value: string) => [{ type: 'text', text: value }]

export const FIXTURE_ARTICLE: ArticleDoc = sampleArticle([
  { type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: text(FIRST_SECTION) },
  { type: 'paragraph', attrs: { dir: 'rtl' }, content: text(FIRST_PASSAGE) },
  { type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: text(SECOND_SECTION) },
  { type: 'paragraph', attrs: { dir: 'rtl' }, content: text(SECOND_PASSAGE) },
])

export interface FixtureMember {
  readonly userId: string
  readonly name: string
  readonly role: Role
}

export const INSTRUCTOR: FixtureMember = {
  userId: 'teacher',
  name: 'Dr. Salma',
  role: 'instructor',
}
export const STUDENT_A: FixtureMember = { userId: 'student-a', name: 'Ali', role: 'student' }
export const STUDENT_B: FixtureMember = { userId: 'student-b', name: 'Huda', role: 'student' }

/**
 * A data folder as `hamish serve` leaves it: the seminar's record, members and seeded article
 * written through the server's own store classes, and the database closed.
 */
export function createSeminarDataDir(
  members: readonly FixtureMember[] = [INSTRUCTOR, STUDENT_A, STUDENT_B],
  settings: Partial<SeminarSettings> = {},
): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'hamish-export-'))
  const db = openSeminarDatabase(dataDir)
  const records = new SeminarRecords(db)
  const documents = new DocumentStore(db)
  const createdAt = '2026-03-01T09:00:00.000Z'
  const hash = contentHash(articlePlainText(FIXTURE_ARTICLE.content))
  records.insertSeminar(
    {
      id: SEMINAR_ID,
      title: 'Defence diplomacy',
      contentHash: hash,
      joinCodeHash: 'unused',
      settings: SeminarSettings.parse(settings),
      createdAt,
      closedAt: null,
    },
    JSON.stringify(FIXTURE_ARTICLE),
  )
  members.forEach((member, n) => {
    const record: MemberRecord = {
      seminarId: SEMINAR_ID,
      ...member,
      tokenId: `token-${n}`,
      joinedAt: createdAt,
      revokedAt: null,
    }
    records.insertMember(record)
  })
  const article = new Y.Doc()
  seedSeminarArticle(article, FIXTURE_ARTICLE, hash, createdAt)
  documents.compact(
    docName({ kind: 'article', seminarId: SEMINAR_ID }),
    Y.encodeStateAsUpdate(article),
  )
  db.close()
  return dataDir
}

export interface Annotating {
  readonly store: AnnotationStore
  /** An anchor on the first occurrence of `quote` in the article. */
  anchorOn(quote: string): Anchor
}

/**
 * Writes annotations as `member`, appending each document's update to the store's log as the
 * server's persistence does for every update it applies (so they sit uncompacted, as after a
 * crash).
 */
export function annotateAs(
  dataDir: string,
  member: FixtureMember,
  write: (annotating: Annotating) => void,
): void {
  const db = openSeminarDatabase(dataDir)
  const documents = new DocumentStore(db)
  const load = (name: string) => {
    const doc = new Y.Doc()
    const stored = documents.load(name)
    if (stored) Y.applyUpdate(doc, stored)
    return doc
  }
  const article = load(docName({ kind: 'article', seminarId: SEMINAR_ID }))
  const fragment = article.getXmlFragment(ARTICLE_CONTENT_FRAGMENT)
  const index = buildArticleTextIndex(FIXTURE_ARTICLE.content)
  const scopes = { private: 'private', instructors: 'instructor', class: 'class' } as const
  const docs = {} as Record<Visibility, Y.Doc>
  for (const visibility of ['private', 'instructors', 'class'] as const) {
    const name = docName({
      kind: 'user',
      seminarId: SEMINAR_ID,
      userId: member.userId,
      scope: scopes[visibility],
    })
    const doc = load(name)
    doc.on('update', (update: Uint8Array) => documents.append(name, update))
    docs[visibility] = doc
  }
  const store = new AnnotationStore({ userId: member.userId, userName: member.name, docs })
  write({
    store,
    anchorOn: (quote) => {
      const start = index.text.indexOf(quote)
      if (start < 0) throw new Error(`"${quote}" is not in the fixture article`)
      const anchor = createAnchor({
        fragment,
        index,
        articleHash: contentHash(articlePlainText(FIXTURE_ARTICLE.content)),
        from: index.positionAt(start),
        to: index.positionAt(start + quote.length),
      })
      if (!anchor) throw new Error(`no anchor for "${quote}"`)
      return anchor
    },
  })
  store.destroy()
  db.close()
}
