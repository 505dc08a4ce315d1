import * as Y from 'yjs'
import type { Annotation } from '../src/core/annotations/annotation'
import { AnnotationStore } from '../src/core/annotations/annotation-store'
import type { ArticleDoc } from '../src/core/article/article-doc'
import { mulberry32, randomInt } from '../src/core/seeded-random'
import { randomAnchor } from './random-passage'
import { seededArticle, type SeededArticle } from './seeded-article'
import { color, pick, remark, studentName, tags } from './seminar-voices'

/**
 * A seminar's worth of annotations on one article, generated from a seed: the load the Scale,
 * Storage and Document-size benchmarks put on Hamish. Everything goes through `AnnotationStore`,
 * as the app writes it, into one set of documents per student (visibility 'class').
 */
export interface SyntheticSeminarOptions {
  readonly seed: number
  readonly students?: number
  readonly annotationsPerStudent?: number
  readonly replies?: number
  /** Share of annotations that are highlights without a comment. */
  readonly highlightShare?: number
  /**
   * Writes every student's annotations as this user, keeping each student's display name:
   * the app shows only its reader's own documents today, and refuses entries whose author is
   * not the owner of the document they sit in.
   */
  readonly ownerUserId?: string
}

export interface SyntheticStudent {
  readonly userId: string
  readonly name: string
  /** `Y.encodeStateAsUpdate` of the student's class document. */
  readonly classUpdate: Uint8Array
  /** What the student's store lists, for comparing against plain JSON. */
  readonly annotations: readonly Annotation[]
}

export interface SyntheticSeminar {
  readonly seed: number
  readonly article: SeededArticle
  /** `Y.encodeStateAsUpdate` of the article document, seeded as the app seeds it. */
  readonly articleUpdate: Uint8Array
  readonly students: readonly SyntheticStudent[]
  readonly counts: {
    readonly highlights: number
    readonly comments: number
    readonly replies: number
  }
}

export const SEMINAR_SIZE = { students: 60, annotationsPerStudent: 80, replies: 2000 } as const

const START = Date.UTC(2026, 9, 1, 8, 0, 0)

export function generateSyntheticSeminar(
  articleDoc: ArticleDoc,
  options: SyntheticSeminarOptions,
): SyntheticSeminar {
  const random = mulberry32(options.seed)
  const clientId = () => randomInt(random, 1, 0x7fffffff)
  const students = options.students ?? SEMINAR_SIZE.students
  const perStudent = options.annotationsPerStudent ?? SEMINAR_SIZE.annotationsPerStudent
  const replyCount = options.replies ?? SEMINAR_SIZE.replies
  const highlightShare = options.highlightShare ?? 0.4

  const article = seededArticle(articleDoc, clientId())
  let clock = START
  const now = () => new Date((clock += randomInt(random, 1_000, 90_000)))
  const newId = () => uuidFrom(random)

  const writers = Array.from({ length: students }, (_, i) => {
    const userId = options.ownerUserId ?? `student-${String(i + 1).padStart(2, '0')}`
    const docs = { private: new Y.Doc(), instructors: new Y.Doc(), class: new Y.Doc() }
    for (const doc of Object.values(docs)) doc.clientID = clientId()
    const name = studentName(random, i + 1)
    return {
      userId,
      name,
      store: new AnnotationStore({ userId, userName: name, docs, now, newId }),
    }
  })

  const written: Annotation[] = []
  const counts = { highlights: 0, comments: 0, replies: 0 }
  for (const { store } of writers) {
    for (let i = 0; i < perStudent; i++) {
      const anchor = randomAnchor(random, article)
      if (random() < highlightShare) {
        written.push(store.createHighlight({ anchor, color: color(random), visibility: 'class' }))
        counts.highlights++
      } else {
        const body = remark(random)
        const tagged = tags(random)
        written.push(
          store.createComment({
            anchor,
            body,
            tags: tagged,
            color: color(random),
            visibility: 'class',
          }),
        )
        counts.comments++
      }
    }
  }
  for (let i = 0; i < replyCount && written.length > 0; i++) {
    const { store } = pick(random, writers)
    written.push(store.reply({ to: pick(random, written), body: remark(random) }))
    counts.replies++
  }

  const result = writers.map(({ userId, name, store }) => ({
    userId,
    name,
    classUpdate: Y.encodeStateAsUpdate(store.docs.class),
    annotations: store.list(),
  }))
  for (const { store } of writers) {
    store.destroy()
    for (const doc of Object.values(store.docs)) doc.destroy()
  }
  return {
    seed: options.seed,
    article,
    articleUpdate: Y.encodeStateAsUpdate(article.doc),
    students: result,
    counts,
  }
}

/** All students' class documents as one update: one document holding everything. */
export function mergedClassUpdate(seminar: SyntheticSeminar): Uint8Array {
  return Y.mergeUpdates(seminar.students.map((student) => student.classUpdate))
}

/** A version-4-shaped UUID from the seeded PRNG, as `randomId` makes them from the system's. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
