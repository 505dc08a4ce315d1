import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AnnotationStore } from '../src/core/annotations/annotation-store'
import type { ArticleDoc } from '../src/core/article/article-doc'
import { loadBundledArticle } from '../src/server/load-article'
import {
  SEMINAR_SIZE,
  generateSyntheticSeminar,
  mergedClassUpdate,
  type SyntheticSeminar,
} from './synthetic-seminar'

const SMALL = { students: 4, annotationsPerStudent: 10, replies: 15 } as const

let article: ArticleDoc

beforeAll(async () => {
  article = (await loadBundledArticle()).article
})

/** Reads an encoded class document back through the store the app uses. */
function readClassDoc(update: Uint8Array, owner: string): AnnotationStore {
  const docs = { private: new Y.Doc(), instructors: new Y.Doc(), class: new Y.Doc() }
  Y.applyUpdate(docs.class, update)
  return new AnnotationStore({ userId: owner, userName: owner, docs })
}

function allUpdates(seminar: SyntheticSeminar): Uint8Array[] {
  return [seminar.articleUpdate, ...seminar.students.map((student) => student.classUpdate)]
}

describe('the synthetic seminar', () => {
  it('is byte for byte the same for the same seed', () => {
    const first = generateSyntheticSeminar(article, { seed: 7, ...SMALL })
    const second = generateSyntheticSeminar(article, { seed: 7, ...SMALL })
    expect(allUpdates(second)).toEqual(allUpdates(first))
    expect(second.counts).toEqual(first.counts)
  })

  it('differs for another seed', () => {
    const first = generateSyntheticSeminar(article, { seed: 7, ...SMALL })
    const other = generateSyntheticSeminar(article, { seed: 8, ...SMALL })
    for (const [i, student] of other.students.entries()) {
      expect(student.classUpdate).not.toEqual(first.students[i]?.classUpdate)
    }
    const quotes = (seminar: SyntheticSeminar) =>
      seminar.students.flatMap((s) => s.annotations.map((a) => a.anchor?.quote.exact ?? a.body))
    expect(quotes(other)).not.toEqual(quotes(first))
  })

  it('holds 60 students × 80 annotations and 2,000 replies, all readable, on real passages', () => {
    const seminar = generateSyntheticSeminar(article, { seed: 1 })
    expect(seminar.students).toHaveLength(SEMINAR_SIZE.students)
    expect(seminar.counts.highlights + seminar.counts.comments).toBe(4800)
    expect(seminar.counts.replies).toBe(2000)
    expect(seminar.counts.highlights).toBeGreaterThan(1000)
    expect(seminar.counts.comments).toBeGreaterThan(1000)

    const ids = new Set<string>()
    const replyTargets: string[] = []
    const text = seminar.article.index.text
    for (const student of seminar.students) {
      const store = readClassDoc(student.classUpdate, student.userId)
      expect(store.invalid()).toEqual([])
      const listed = store.list()
      expect(listed).toEqual(student.annotations)
      expect(listed.filter((a) => a.kind !== 'reply')).toHaveLength(80)
      for (const annotation of listed) {
        ids.add(annotation.id)
        expect(annotation.author).toBe(student.userId)
        expect(annotation.visibility).toBe('class')
        if (annotation.replyTo !== undefined) replyTargets.push(annotation.replyTo)
        const anchor = annotation.anchor
        if (annotation.kind === 'reply') expect(anchor).toBeUndefined()
        else
          expect(text.slice(anchor!.position.start, anchor!.position.end)).toBe(anchor!.quote.exact)
      }
    }
    expect(ids.size).toBe(6800)
    expect(replyTargets).toHaveLength(2000)
    expect(replyTargets.every((id) => ids.has(id))).toBe(true)

    const bodies = seminar.students.flatMap((s) => s.annotations.map((a) => a.body))
    expect(bodies.some((body) => /[\u0600-\u06ff]/.test(body))).toBe(true)
    expect(bodies.some((body) => /^[A-Z]/.test(body))).toBe(true)
  })

  it('writes everything as one owner, under each student’s name, when asked', () => {
    const seminar = generateSyntheticSeminar(article, {
      seed: 3,
      ...SMALL,
      ownerUserId: 'reader-1',
    })
    const store = readClassDoc(mergedClassUpdate(seminar), 'reader-1')
    expect(store.invalid()).toEqual([])
    expect(store.list()).toHaveLength(SMALL.students * SMALL.annotationsPerStudent + SMALL.replies)
    expect(new Set(store.list().map((a) => a.authorName)).size).toBe(SMALL.students)
  })
})
