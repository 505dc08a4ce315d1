import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { Annotation } from '../core/annotations/annotation'
import { AnnotationCollection } from '../core/annotations/annotation-collection'
import { annotationEntries } from '../core/annotations/annotation-entry'
import { BUCKETS_OF_32, anchorOn } from '../core/annotations/annotation-test-support'
import type { TextSpan } from '../core/annotations/first-screen-index'
import { openAnnotationSession, type AnnotationSession } from './annotation-session'
import { previewNear, readMyIndexes, type FirstScreenPreview } from './first-screen-preview'
import { documentIndexRecords } from './first-screen-keeping'
import type * as Keeping from './first-screen-keeping'
import { FIRST_SCREEN_INDEX_KEY, bucketKey } from './first-screen-store'
import { LocalWrites } from './local-writes'
import { myDocumentName } from './my-documents'
import { openPersistedDoc } from './persisted-doc'

const reader = { userId: 'u-1', name: 'Hanan' }

// The session keeps its indexes in buckets of 32, so that these few annotations make several.
vi.mock('./first-screen-keeping', async (importOriginal) => {
  const keeping = await importOriginal<typeof Keeping>()
  return {
    ...keeping,
    keepFirstScreenIndexes: (
      ...[mine, collection, quietMs]: Parameters<typeof keeping.keepFirstScreenIndexes>
    ) => keeping.keepFirstScreenIndexes(mine, collection, quietMs, BUCKETS_OF_32),
  }
})

/**
 * Annotations laid out so that the documents' buckets fall where the tests want them (32
 * entries a bucket, sorted by where their passage starts; a reply sits where its thread does):
 *
 * - class: roots every 100 characters from 0 to 3,900, a reply to the root at 200 and one to
 *   the private root at 3,600. Its first bucket ends at 3,010 and its second starts at 3,100.
 * - private: roots at 3,200 and 3,600, and a reply to the class root at 3,300.
 * - instructors: a root at 5,000 and a reply to it.
 */
function annotate(session: AnnotationSession): void {
  const { store } = session
  const classRoots = [...Array(40).keys()].map((i) =>
    i % 2 === 0
      ? store.createComment({
          anchor: anchorOn('x'.repeat(10), i * 100),
          body: `comment at ${i * 100}`,
          tags: i % 4 === 0 ? ['question'] : [],
          visibility: 'class',
        })
      : store.createHighlight({ anchor: anchorOn('y'.repeat(10), i * 100), visibility: 'class' }),
  )
  const privateRoot = store.createComment({
    anchor: anchorOn('p'.repeat(10), 3_600),
    body: 'private at 3600',
    tags: [],
    visibility: 'private',
  })
  store.createHighlight({ anchor: anchorOn('q'.repeat(10), 3_200), visibility: 'private' })
  store.reply({ to: classRoots[2]!, body: 'reply at 200' })
  store.reply({ to: privateRoot, body: 'class reply to a private comment', visibility: 'class' })
  store.reply({ to: classRoots[33]!, body: 'private reply at 3300', visibility: 'private' })
  const instructorsRoot = store.createComment({
    anchor: anchorOn('i'.repeat(10), 5_000),
    body: 'for the instructors',
    tags: [],
    visibility: 'instructors',
  })
  store.reply({ to: instructorsRoot, body: 'instructors reply' })
}

const overlaps = (span: TextSpan, window: TextSpan) =>
  span.start <= window.end && span.end >= window.start

/** The annotations whose passage reaches into `window`, with the replies of their threads. */
function near(all: readonly Annotation[], window: TextSpan): Annotation[] {
  const roots = new Set(
    all
      .filter(({ anchor }) => anchor !== undefined && overlaps(anchor.position, window))
      .map(({ id }) => id),
  )
  return all.filter(({ id, replyTo }) => roots.has(id) || roots.has(replyTo ?? ''))
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error)
  })
}

function opened(preview: FirstScreenPreview | 'unread' | null): FirstScreenPreview {
  if (preview === null || preview === 'unread') throw new Error(`no preview: ${preview}`)
  return preview
}

/** Stores the annotations, and gives the indexes read for `window` as a reload would find them. */
async function storeAnnotations(seminarId: string, window: TextSpan) {
  const reading = { seminarId }
  const session = await openAnnotationSession(reading, reader)
  annotate(session)
  await session.flush()
  // Read before the session closes: that is what a reload after `pagehide`, which flushes, finds.
  const indexes = await readMyIndexes(seminarId, reader.userId, window)
  await session.close()
  return { reading, indexes }
}

/** The whole documents' annotations, read by a session opened afresh. */
async function wholeAnnotations(seminarId: string) {
  const session = await openAnnotationSession({ seminarId }, reader)
  const all = session.collection.all()
  const invalid = session.collection.invalid()
  await session.close()
  return { all, invalid }
}

function putRecord(name: string, key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name)
    opening.onerror = () => reject(opening.error)
    opening.onsuccess = () => {
      const db = opening.result
      const transaction = db.transaction('custom', 'readwrite')
      transaction.objectStore('custom').put(value, key)
      transaction.oncomplete = () => {
        db.close()
        resolve()
      }
      transaction.onabort = () => reject(transaction.error)
    }
  })
}

describe('a first-screen preview', () => {
  it('holds exactly the annotations near the window, with their threads’ replies, as the documents hold them', async () => {
    const window = { start: 3_050, end: 3_950 }
    const { indexes } = await storeAnnotations('preview-exact', window)
    expect(indexes).not.toBeNull()
    const preview = opened(previewNear(indexes!, reader.userId, window))

    const whole = await wholeAnnotations('preview-exact')
    const expected = near(whole.all, window)
    // Roots 3,100 to 3,900 and the two private ones, with a reply in each of two documents.
    expect(expected).toHaveLength(13)
    expect(whole.all).toHaveLength(47)
    expect(preview.collection.all()).toEqual(expected)
    expect(preview.collection.invalid()).toEqual([])
    preview.close()
  })

  it('holds, for any window, every annotation near it, each as the documents hold it', async () => {
    const window = { start: 150, end: 250 }
    const { indexes } = await storeAnnotations('preview-wider', window)
    const preview = opened(previewNear(indexes!, reader.userId, window))
    const whole = await wholeAnnotations('preview-wider')

    const shown = preview.collection.all()
    const ids = new Set(shown.map(({ id }) => id))
    expect(near(whole.all, window).filter(({ id }) => !ids.has(id))).toEqual([])
    // Whole buckets are read, so more than the window may come; never anything else, nor
    // anything in another order than the documents give.
    expect(shown).toEqual(whole.all.filter(({ id }) => ids.has(id)))
    expect(shown).toHaveLength(32)
    expect(shown.some(({ body }) => body === 'reply at 200')).toBe(true)
    expect(shown.some(({ visibility }) => visibility !== 'class')).toBe(false)
    preview.close()
  })

  it('holds nothing for a window no passage reaches', async () => {
    const window = { start: 6_000, end: 7_000 }
    const { indexes } = await storeAnnotations('preview-nothing-near', window)
    const preview = opened(previewNear(indexes!, reader.userId, window))
    expect(preview.collection.all()).toEqual([])
    preview.close()
  })

  it('holds nothing for a reader who has stored nothing', async () => {
    const window = { start: 0, end: 1_000 }
    const indexes = await readMyIndexes('preview-never-stored', reader.userId, window)
    expect(indexes).toEqual({
      class: { empty: true },
      instructors: { empty: true },
      private: { empty: true },
    })
    const preview = opened(previewNear(indexes!, reader.userId, window))
    expect(preview.collection.all()).toEqual([])
    preview.close()
  })

  it('finds a document with no database empty once IndexedDB lists its databases, without waiting to open it', async () => {
    const seminarId = 'preview-unlisted'
    const window = { start: 0, end: 1_000 }
    await storeAnnotations(seminarId, window)
    const unlisted = myDocumentName(seminarId, reader.userId, 'instructors')
    await deleteDatabase(unlisted)
    const open = indexedDB.open.bind(indexedDB)
    // Its opening never answers, as one held up behind another window's upgrade would not.
    const spy = vi
      .spyOn(indexedDB, 'open')
      .mockImplementation((name, version) =>
        name === unlisted ? ({} as IDBOpenDBRequest) : open(name, version),
      )
    const indexes = await readMyIndexes(seminarId, reader.userId, window)
    spy.mockRestore()
    expect(indexes?.instructors).toEqual({ empty: true })
    expect(indexes?.class.empty).toBe(false)
  })

  it('is unread for a window reaching into buckets that were not read', async () => {
    const seminarId = 'preview-unread'
    const session = await openAnnotationSession({ seminarId }, reader)
    annotate(session)
    await session.flush()
    const indexes = await readMyIndexes(seminarId, reader.userId, { start: 3_050, end: 3_950 })
    expect(previewNear(indexes!, reader.userId, { start: 0, end: 100 })).toBe('unread')
    // Read for that window, its buckets make it drawable.
    const again = await readMyIndexes(seminarId, reader.userId, { start: 0, end: 100 })
    await session.close()
    const preview = opened(previewNear(again!, reader.userId, { start: 0, end: 100 }))
    expect(preview.collection.all().map(({ body }) => body)).toContain('comment at 0')
    preview.close()
  })

  it.each([
    ['text that is not JSON', 'not-json', 'not a bucket'],
    ['entries that are not text', 'not-text', [['a', 'b']]],
    ['entries of another shape', 'wrong-shape', JSON.stringify({ a: 'b' })],
  ])('is null when a bucket it needs holds %s', async (_, slug, damaged) => {
    const seminarId = `preview-damaged-${slug}`
    const window = { start: 0, end: 100 }
    const reading = { seminarId }
    const session = await openAnnotationSession(reading, reader)
    annotate(session)
    await session.flush()
    await putRecord(myDocumentName(seminarId, reader.userId, 'class'), bucketKey(0, 0), damaged)
    const indexes = await readMyIndexes(seminarId, reader.userId, window)
    expect(indexes).not.toBeNull()
    expect(previewNear(indexes!, reader.userId, window)).toBeNull()
    // The damaged bucket is not needed elsewhere in the article.
    const elsewhere = { start: 3_050, end: 3_950 }
    const later = await readMyIndexes(seminarId, reader.userId, elsewhere)
    opened(previewNear(later!, reader.userId, elsewhere)).close()
    await session.close()
  })

  it('is not to be had when one of the documents was changed after its index was written', async () => {
    const window = { start: 0, end: 100 }
    const session = await openAnnotationSession({ seminarId: 'preview-changed' }, reader)
    annotate(session)
    await session.flush()
    expect(await readMyIndexes('preview-changed', reader.userId, window)).not.toBeNull()
    session.store.createHighlight({ anchor: anchorOn('late', 40), visibility: 'instructors' })
    // Stored as an update of its own once the code that made it has run.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await readMyIndexes('preview-changed', reader.userId, window)).toBeNull()
    await session.close()
  })

  it('refuses an entry forged under the id of one of the reader’s annotations, as the documents do', async () => {
    const seminarId = 'preview-forged-copy'
    const window = { start: 3_050, end: 3_950 }
    const session = await openAnnotationSession({ seminarId }, reader)
    annotate(session)
    const genuine = session.store.createComment({
      anchor: anchorOn('g'.repeat(10), 3_400),
      body: 'genuine',
      tags: [],
      visibility: 'private',
    })
    // The same id in the class document, in another's name: it lies where the genuine one does.
    annotationEntries(session.store.docs.class).set(
      genuine.id,
      JSON.stringify({ ...genuine, author: 'intruder', authorName: 'Intruder', body: 'forged' }),
    )
    await session.flush()
    const indexes = await readMyIndexes(seminarId, reader.userId, window)
    await session.close()

    const preview = opened(previewNear(indexes!, reader.userId, window))
    const whole = await wholeAnnotations(seminarId)
    expect(preview.collection.all()).toEqual(near(whole.all, window))
    expect(preview.collection.all().find(({ id }) => id === genuine.id)?.body).toBe('genuine')
    const refused = whole.invalid.filter(({ id }) => id === genuine.id)
    expect(refused).toHaveLength(1)
    expect(refused[0]!.problem).toMatch(/not the document's owner/)
    expect(preview.collection.invalid()).toEqual(refused)
    preview.close()
  })

  it('refuses an entry forged in the owner’s document with another author, as a collection does', async () => {
    const seminarId = 'preview-forged'
    const userId = reader.userId
    const name = myDocumentName(seminarId, userId, 'class')
    const genuine = {
      id: 'genuine',
      kind: 'comment',
      author: userId,
      authorName: 'Hanan',
      color: 'yellow',
      body: 'mine',
      tags: [],
      visibility: 'class',
      createdAt: '2026-11-28T14:00:00.000Z',
      updatedAt: '2026-11-28T14:00:00.000Z',
      anchor: anchorOn('m'.repeat(10), 10),
    }
    const forged = { ...genuine, id: 'forged', author: 'intruder', body: 'not mine' }
    // Written with an index that places the forged entry too, as another version might.
    const stored = await openPersistedDoc(name, new Y.Doc(), new LocalWrites())
    stored.keepSummary(FIRST_SCREEN_INDEX_KEY, (entryKey) =>
      documentIndexRecords(
        stored.doc,
        new Map([
          ['genuine', { start: 10, end: 20 }],
          ['forged', { start: 15, end: 25 }],
        ]),
        entryKey,
      ),
    )
    const entries = annotationEntries(stored.doc)
    entries.set('genuine', JSON.stringify(genuine))
    entries.set('forged', JSON.stringify(forged))
    const source = { doc: stored.doc, owner: userId, visibility: 'class' as const }
    const collection = new AnnotationCollection([source])
    const expectedAll = collection.all()
    const expectedInvalid = collection.invalid()
    collection.destroy()
    await stored.close()

    const window = { start: 0, end: 100 }
    const indexes = await readMyIndexes(seminarId, userId, window)
    const preview = opened(previewNear(indexes!, userId, window))
    expect(preview.collection.all().map(({ id }) => id)).toEqual(['genuine'])
    expect(preview.collection.all()).toEqual(expectedAll)
    expect(preview.collection.invalid().map(({ id }) => id)).toEqual(['forged'])
    expect(preview.collection.invalid()).toEqual(expectedInvalid)
    preview.close()
  })

  it('takes the owner it is given as the one whose entries are genuine', async () => {
    const window = { start: 3_050, end: 3_950 }
    const { indexes } = await storeAnnotations('preview-other-owner', window)
    const preview = opened(previewNear(indexes!, 'someone-else', window))
    expect(preview.collection.all()).toEqual([])
    expect(preview.collection.invalid()).toHaveLength(13)
    preview.close()
  })

  it('draws, after a session was closed, the annotations it closed with', async () => {
    const reader = { userId: 'u-closed', name: 'Hanan' }
    const session = await openAnnotationSession({ seminarId: 'closed-session' }, reader)
    const made = session.store.createComment({
      anchor: anchorOn('x'.repeat(10), 10),
      body: 'kept',
      tags: [],
      visibility: 'class',
    })
    // Closing writes each document whole once more, and its index with it.
    await session.close()
    const window = { start: 0, end: 100 }
    const indexes = await readMyIndexes('closed-session', reader.userId, window)
    const preview = indexes && previewNear(indexes, reader.userId, window)
    if (!preview || preview === 'unread') throw new Error(`no preview: ${String(preview)}`)
    expect(preview.collection.all().map(({ id }) => id)).toEqual([made.id])
    preview.close()
  })
})
