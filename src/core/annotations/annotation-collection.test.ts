import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { annotationEntries, writeEntry } from './annotation-entry'
import { AnnotationCollection } from './annotation-collection'
import { AnnotationStore } from './annotation-store'
import {
  anchorOn,
  REMOTE,
  sequentialIds,
  steadyClock,
  syncReplicas,
  userDocs,
} from './annotation-test-support'

function member(userId: string, userName: string) {
  return new AnnotationStore({
    userId,
    userName,
    docs: userDocs(),
    now: steadyClock(),
    newId: sequentialIds(userId),
  })
}

function classSource(store: AnnotationStore) {
  return { doc: store.docs.class, owner: store.userId, visibility: 'class' as const }
}

describe('AnnotationCollection', () => {
  it('reads annotations and threads across members’ documents', () => {
    const hanan = member('hanan', 'Hanan')
    const intisar = member('intisar', 'Intisar')
    const comment = hanan.createComment({
      anchor: anchorOn('الأمن'),
      body: 'سؤال',
      tags: ['question'],
      visibility: 'class',
    })
    const reply = intisar.reply({ to: comment, body: 'جواب' })
    const collection = new AnnotationCollection([classSource(hanan), classSource(intisar)])
    expect(collection.all().map((a) => a.id)).toEqual([comment.id, reply.id])
    expect(collection.threads()).toEqual({
      threads: [{ root: comment, replies: [reply] }],
      orphanedReplies: [],
    })
  })

  it('keeps replies whose root was deleted, as orphaned replies', () => {
    const hanan = member('hanan', 'Hanan')
    const intisar = member('intisar', 'Intisar')
    const comment = hanan.createComment({
      anchor: anchorOn('الأمن'),
      body: 'سؤال',
      tags: [],
      visibility: 'class',
    })
    const reply = intisar.reply({ to: comment, body: 'جواب' })
    const collection = new AnnotationCollection([classSource(hanan), classSource(intisar)])
    hanan.delete(comment.id)
    expect(collection.threads()).toEqual({
      threads: [],
      orphanedReplies: [{ missingId: comment.id, replies: [reply] }],
    })
  })

  it('notifies once per transaction and returns the same arrays until something changes', () => {
    const hanan = member('hanan', 'Hanan')
    const collection = new AnnotationCollection([classSource(hanan)])
    const listener = vi.fn()
    collection.subscribe(listener)
    const first = collection.all()
    const firstThreads = collection.threads()
    expect(collection.all()).toBe(first)
    expect(collection.threads()).toBe(firstThreads)
    hanan.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(collection.all()).not.toBe(first)
    expect(collection.threads().threads).toHaveLength(1)
    hanan.createHighlight({ anchor: anchorOn('ب'), visibility: 'private' })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('takes in documents added later, such as a member who joins, and lets them go', () => {
    const hanan = member('hanan', 'Hanan')
    const intisar = member('intisar', 'Intisar')
    intisar.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    const collection = new AnnotationCollection([classSource(hanan)])
    const listener = vi.fn()
    collection.subscribe(listener)
    collection.add(classSource(intisar))
    expect(listener).toHaveBeenCalledTimes(1)
    expect(collection.all().map((a) => a.author)).toEqual(['intisar'])
    expect(() => collection.add(classSource(intisar))).toThrow()
    collection.remove(intisar.docs.class)
    expect(collection.all()).toEqual([])
    intisar.createHighlight({ anchor: anchorOn('ب'), visibility: 'class' })
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('follows a replica as updates arrive', () => {
    const hanan = member('hanan', 'Hanan')
    const replica = new Y.Doc()
    const collection = new AnnotationCollection([
      { doc: replica, owner: 'hanan', visibility: 'class' },
    ])
    const highlight = hanan.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    syncReplicas(hanan.docs.class, replica)
    expect(collection.all()).toEqual([highlight])
  })

  it('refuses forgeries and id clashes across documents, reporting them', () => {
    const hanan = member('hanan', 'Hanan')
    const mallory = member('mallory', 'Mallory')
    const genuine = hanan.createComment({
      anchor: anchorOn('أ'),
      body: 'genuine',
      tags: [],
      visibility: 'class',
    })
    // Mallory writes, in her own document, a comment in Hanan's name, and one reusing an id.
    mallory.docs.class.transact(() => {
      const entries = annotationEntries(mallory.docs.class)
      for (const [id, fields] of [
        ['forged', { ...genuine, id: 'forged', body: 'not Hanan' }],
        [genuine.id, { ...genuine, author: 'mallory', authorName: 'Mallory', body: 'clash' }],
      ] as const) {
        writeEntry(entries, id, fields)
      }
    }, REMOTE)
    const collection = new AnnotationCollection([classSource(hanan), classSource(mallory)])
    expect(collection.all()).toEqual([genuine])
    expect(
      collection
        .invalid()
        .map((entry) => [entry.id, entry.owner, entry.problem])
        .sort(),
    ).toEqual([
      ['forged', 'mallory', expect.stringMatching(/owner/)],
      [genuine.id, 'mallory', expect.stringMatching(/already holds/)],
    ])
  })
})
