import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Annotation } from './annotation'
import { BUCKETS_OF_32, anchorOn, mulberry32 } from './annotation-test-support'
import {
  BUCKET_LIMIT,
  FIRST_SCREEN_INDEX_FORMAT,
  bucketsNear,
  buildFirstScreenIndex,
  readBucket,
  readFirstScreenIndex,
  threadSpans,
  type FirstScreenIndex,
  type TextSpan,
} from './first-screen-index'

const span = (start: number, end: number): TextSpan => ({ start, end })

function annotation(id: string, fields: Partial<Annotation> = {}): Annotation {
  return {
    id,
    kind: 'comment',
    author: 'u-1',
    authorName: 'Hanan',
    color: 'yellow',
    body: id,
    tags: [],
    visibility: 'class',
    createdAt: '2026-11-28T14:00:00.000Z',
    updatedAt: '2026-11-28T14:00:00.000Z',
    ...fields,
  }
}

const rootAt = (id: string, start: number, length = 10) =>
  annotation(id, { anchor: anchorOn('x'.repeat(length), start) })

const replyTo = (id: string, root: string) => annotation(id, { kind: 'reply', replyTo: root })

/** The ids of each bucket, as written. */
function bucketIds(buckets: readonly string[]): string[][] {
  return buckets.map((text) => readBucket(text)!.map(([id]) => id))
}

describe('buildFirstScreenIndex', () => {
  it('sorts entries by where their passage starts into buckets of the number asked', () => {
    const count = 70
    const starts = [...Array(count).keys()].map((i) => i * 10)
    // Given out of order, as a document's map iterates: the index must not rely on that order.
    const random = mulberry32(7)
    const shuffled = [...starts].sort(() => random() - 0.5)
    const entries = shuffled.map((start): [string, unknown] => [`a${start}`, `text of ${start}`])
    const spans = new Map(starts.map((start) => [`a${start}`, span(start, start + 5)]))

    const built = buildFirstScreenIndex(entries, spans, 42, BUCKETS_OF_32)

    expect(built.head.format).toBe(FIRST_SCREEN_INDEX_FORMAT)
    expect(built.head.entryKey).toBe(42)
    const expectedIds = starts.map((start) => `a${start}`)
    expect(bucketIds(built.buckets)).toEqual([
      expectedIds.slice(0, 32),
      expectedIds.slice(32, 64),
      expectedIds.slice(64),
    ])
    expect(readBucket(built.buckets[2])![0]).toEqual(['a640', 'text of 640'])
    expect(built.head.buckets).toEqual([span(0, 315), span(320, 635), span(640, 695)])
  })

  it('closes a bucket once its text is as long as the limit, each written as JSON.stringify would', () => {
    const texts = ['a'.repeat(40), 'b'.repeat(10), 'c'.repeat(70), 'd'.repeat(5), 'e'.repeat(5)]
    const entries = texts.map((text, i): [string, unknown] => [`e${i}`, text])
    const spans = new Map(texts.map((_, i) => [`e${i}`, span(i * 10, i * 10 + 5)]))
    // ["e0","aaa…"] is 49 characters: with its comma, the first two reach 70 together.
    const built = buildFirstScreenIndex(entries, spans, 1, { entries: Infinity, characters: 70 })

    expect(bucketIds(built.buckets)).toEqual([['e0', 'e1'], ['e2'], ['e3', 'e4']])
    expect(built.buckets).toEqual([
      JSON.stringify(entries.slice(0, 2)),
      JSON.stringify(entries.slice(2, 3)),
      JSON.stringify(entries.slice(3)),
    ])
    expect(built.head.buckets).toEqual([span(0, 15), span(20, 25), span(30, 45)])
  })

  it('makes buckets long enough to be stored as blobs, however few entries that takes', () => {
    expect(BUCKET_LIMIT.entries).toBe(Infinity)
    // Chromium keeps a value of 64 KiB or more outside its database; one character is a byte
    // at least.
    expect(BUCKET_LIMIT.characters).toBeGreaterThan(64 * 1024)
    const starts = [...Array(500).keys()].map((i) => i * 10)
    const entries = starts.map((start): [string, unknown] => [`a${start}`, 'x'.repeat(300)])
    const spans = new Map(starts.map((start) => [`a${start}`, span(start, start + 5)]))
    const built = buildFirstScreenIndex(entries, spans, 1)
    expect(built.buckets.length).toBeGreaterThan(1)
    for (const text of built.buckets.slice(0, -1)) {
      expect(text.length).toBeGreaterThanOrEqual(BUCKET_LIMIT.characters)
    }
  })

  it('spans each bucket from its least start to its greatest end, whichever member ends last', () => {
    // The long passage starts first but ends after every other member of its bucket.
    const spans = new Map([
      ['long', span(5, 900)],
      ['short', span(10, 20)],
      ['last', span(50, 60)],
    ])
    const built = buildFirstScreenIndex(
      [
        ['last', 'l'],
        ['short', 's'],
        ['long', 'L'],
      ],
      spans,
      1,
    )
    expect(built.head.buckets).toEqual([span(5, 900)])
    expect(bucketIds(built.buckets)).toEqual([['long', 'short', 'last']])
  })

  it('leaves out entries with no span and entries not stored as text', () => {
    const legacy = new Y.Doc().getMap('legacy')
    const built = buildFirstScreenIndex(
      [
        ['placed', 'text'],
        ['unplaced', 'text'],
        ['as-map', legacy],
        ['as-object', { body: 'not text' }],
      ],
      new Map([
        ['placed', span(0, 1)],
        ['as-map', span(0, 1)],
        ['as-object', span(0, 1)],
      ]),
      3,
    )
    expect(bucketIds(built.buckets)).toEqual([['placed']])
  })

  it('has no buckets when nothing can be placed', () => {
    const built = buildFirstScreenIndex([['unplaced', 'text']], new Map(), 9)
    expect(built).toEqual({
      head: { format: FIRST_SCREEN_INDEX_FORMAT, entryKey: 9, buckets: [] },
      buckets: [],
    })
  })
})

describe('threadSpans', () => {
  it('places each reply where its thread’s passage lies', () => {
    const near = rootAt('near', 100)
    const far = rootAt('far', 5_000, 40)
    const spans = threadSpans([
      { root: near, replies: [replyTo('r1', 'near'), replyTo('r2', 'near')] },
      { root: far, replies: [replyTo('r3', 'far')] },
    ])
    expect(Object.fromEntries(spans)).toEqual({
      near: span(100, 110),
      r1: span(100, 110),
      r2: span(100, 110),
      far: span(5_000, 5_040),
      r3: span(5_000, 5_040),
    })
  })

  it('places neither a root without a passage nor its replies', () => {
    const spans = threadSpans([{ root: annotation('bare'), replies: [replyTo('r', 'bare')] }])
    expect(spans.size).toBe(0)
  })

  it('lets a reply share its thread’s bucket, even when stored far from it', () => {
    const roots = [...Array(40).keys()].map((i) => rootAt(`root${i}`, i * 100))
    const threads = roots.map((root) => ({ root, replies: [] as Annotation[] }))
    threads[35] = { root: roots[35]!, replies: [replyTo('late-reply', 'root35')] }
    // The reply comes first in the document, and would sort first had it no span of its own.
    const entries: [string, unknown][] = [
      ['late-reply', 'reply text'],
      ...roots.map((root): [string, unknown] => [root.id, JSON.stringify(root)]),
    ]
    const built = buildFirstScreenIndex(entries, threadSpans(threads), 1, BUCKETS_OF_32)
    expect(bucketIds(built.buckets)[0]).not.toContain('late-reply')
    expect(bucketIds(built.buckets)[1]).toContain('late-reply')
    expect(bucketsNear(built.head, span(3_500, 3_500))).toEqual([1])
  })
})

describe('readFirstScreenIndex', () => {
  const head: FirstScreenIndex = {
    format: FIRST_SCREEN_INDEX_FORMAT,
    entryKey: 12,
    buckets: [span(0, 10), span(4, 30)],
  }

  it('reads the head an index writes, as IndexedDB gives it back', () => {
    expect(readFirstScreenIndex(structuredClone(head))).toEqual(head)
  })

  it.each([
    ['another format', { ...head, format: FIRST_SCREEN_INDEX_FORMAT + 1 }],
    ['no entry key', { format: head.format, buckets: head.buckets }],
    ['an entry key that is not a number', { ...head, entryKey: '12' }],
    ['buckets that are not a list', { ...head, buckets: {} }],
    ['a bucket without an end', { ...head, buckets: [{ start: 0 }] }],
    ['a bucket whose start is text', { ...head, buckets: [{ start: '0', end: 10 }] }],
    ['its JSON text', JSON.stringify(head)],
    ['nothing', undefined],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(readFirstScreenIndex(value)).toBeNull()
  })
})

describe('bucketsNear', () => {
  const index: FirstScreenIndex = {
    format: FIRST_SCREEN_INDEX_FORMAT,
    entryKey: 1,
    buckets: [span(0, 10), span(5, 20), span(30, 40)],
  }

  it('picks the buckets that reach into the window, counting its edges', () => {
    expect(bucketsNear(index, span(10, 30))).toEqual([0, 1, 2])
    expect(bucketsNear(index, span(40, 50))).toEqual([2])
    expect(bucketsNear(index, span(20, 20))).toEqual([1])
  })

  it('leaves out buckets that end before the window or start after it', () => {
    expect(bucketsNear(index, span(11, 29))).toEqual([1])
    expect(bucketsNear(index, span(21, 29))).toEqual([])
    expect(bucketsNear(index, span(41, 1_000))).toEqual([])
  })

  it('picks a bucket that spans the whole window', () => {
    expect(bucketsNear(index, span(32, 33))).toEqual([2])
  })
})

describe('readBucket', () => {
  it('returns the entries a bucket holds, as [id, stored text]', () => {
    const text = JSON.stringify([
      ['a1', '{"id":"a1"}'],
      ['a2', 'anything'],
    ])
    expect(readBucket(text)).toEqual([
      ['a1', '{"id":"a1"}'],
      ['a2', 'anything'],
    ])
    expect(readBucket('[]')).toEqual([])
  })

  it.each([
    ['text that is not JSON', '[["a1", "x"]'],
    ['the entries themselves rather than their text', [['a1', 'x']]],
    ['nothing', undefined],
    ['an object of entries', JSON.stringify({ a1: 'x' })],
    ['an entry without its text', JSON.stringify([['a1']])],
    ['an entry whose text is not text', JSON.stringify([['a1', { id: 'a1' }]])],
    ['an entry with more than an id and a text', JSON.stringify([['a1', 'x', 'y']])],
    ['an id that is not text', JSON.stringify([[1, 'x']])],
  ])('returns null for %s', (_, stored) => {
    expect(readBucket(stored)).toBeNull()
  })
})
