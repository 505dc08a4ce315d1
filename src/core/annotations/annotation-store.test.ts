import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { MAX_BODY_CHARS, type Annotation, type Visibility } from './annotation'
import { annotationEntries, entryFields, writeEntry } from './annotation-entry'
import { AnnotationInputError } from './annotation-input'
import { AnnotationUndo } from './annotation-undo'
import {
  AnnotationStore,
  DamagedAnnotationError,
  NotOwnAnnotationError,
  type AnnotationStoreOptions,
} from './annotation-store'
import {
  anchorOn,
  REMOTE,
  rewriteEntry,
  sequentialIds,
  steadyClock,
  storeLegacyEntry,
  syncReplicas,
  userDocs,
} from './annotation-test-support'

function storeFor(
  userId = 'hanan',
  options: Partial<AnnotationStoreOptions> = {},
): AnnotationStore {
  return new AnnotationStore({
    userId,
    userName: userId === 'hanan' ? 'Hanan' : 'Intisar',
    docs: userDocs(),
    now: steadyClock(),
    newId: sequentialIds(userId),
    ...options,
  })
}

/** A comment with no tags on the test passage, for tests about something else. */
function commentOn(
  store: AnnotationStore,
  body = 'a',
  visibility: Visibility = 'class',
): Annotation {
  return store.createComment({ anchor: anchorOn('نص'), body, tags: [], visibility })
}

function idsIn(store: AnnotationStore, visibility: Visibility): string[] {
  return [...annotationEntries(store.docs[visibility]).keys()]
}

function inputErrorCode(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof AnnotationInputError) return error.code
    throw error
  }
  return 'no error'
}

describe('creating annotations', () => {
  it('stores a highlight in the document for its visibility, in the default colour', () => {
    const store = storeFor()
    const highlight = store.createHighlight({ anchor: anchorOn('الأمن'), visibility: 'class' })
    expect(highlight).toMatchObject({
      id: 'hanan-1',
      kind: 'highlight',
      author: 'hanan',
      authorName: 'Hanan',
      color: 'yellow',
      body: '',
      tags: [],
      visibility: 'class',
      createdAt: '2026-11-28T14:00:00.000Z',
      updatedAt: '2026-11-28T14:00:00.000Z',
    })
    expect(highlight.anchor?.quote.exact).toBe('الأمن')
    expect(idsIn(store, 'class')).toEqual(['hanan-1'])
    expect(idsIn(store, 'private')).toEqual([])
    expect(store.get('hanan-1')).toEqual(highlight)
  })

  it('routes each visibility to its own document', () => {
    const store = storeFor()
    for (const visibility of ['private', 'instructors', 'class'] as const) {
      store.createComment({ anchor: anchorOn('نص'), body: visibility, tags: [], visibility })
    }
    expect(idsIn(store, 'private')).toEqual(['hanan-1'])
    expect(idsIn(store, 'instructors')).toEqual(['hanan-2'])
    expect(idsIn(store, 'class')).toEqual(['hanan-3'])
    expect(store.list().map((a) => [a.body, a.visibility])).toEqual([
      ['private', 'private'],
      ['instructors', 'instructors'],
      ['class', 'class'],
    ])
  })

  it('stores each annotation as the JSON text of its fields, tags as a plain array', () => {
    const store = storeFor()
    store.createComment({
      anchor: anchorOn('نص'),
      body: 'ملاحظة',
      tags: ['#Question', 'question', 'تعريف'],
      visibility: 'private',
    })
    const entry = annotationEntries(store.docs.private).get('hanan-1')
    expect(typeof entry).toBe('string')
    expect(JSON.parse(entry as string)).toMatchObject({
      body: 'ملاحظة',
      tags: ['question', 'تعريف'],
      color: 'yellow',
    })
  })

  it('uses the chosen colour, else the default, which can be changed', () => {
    const store = storeFor('hanan', { defaultColor: 'green' })
    expect(store.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' }).color).toBe(
      'green',
    )
    store.setDefaultColor('purple')
    expect(store.defaultColor).toBe('purple')
    expect(store.createHighlight({ anchor: anchorOn('ب'), visibility: 'class' }).color).toBe(
      'purple',
    )
    expect(
      store.createHighlight({ anchor: anchorOn('ج'), color: 'blue', visibility: 'class' }).color,
    ).toBe('blue')
    expect(() => store.setDefaultColor('red' as never)).toThrow()
  })

  it('refuses bad input with a code the UI can translate, writing nothing', () => {
    const store = storeFor()
    const comment = (body: string, tags: string[] = []) =>
      store.createComment({ anchor: anchorOn('نص'), body, tags, visibility: 'class' })
    expect(inputErrorCode(() => comment('  \n '))).toBe('empty-comment')
    expect(inputErrorCode(() => comment('x'.repeat(MAX_BODY_CHARS + 1)))).toBe('body-too-long')
    expect(inputErrorCode(() => comment('ok', ['a'.repeat(65)]))).toBe('tag-too-long')
    expect(
      inputErrorCode(() =>
        comment(
          'ok',
          Array.from({ length: 21 }, (_, i) => `tag${i}`),
        ),
      ),
    ).toBe('too-many-tags')
    expect(store.list()).toEqual([])
    expect(idsIn(store, 'class')).toEqual([])
  })

  it('accepts a body of the maximum length', () => {
    const store = storeFor()
    const long = 'ب'.repeat(MAX_BODY_CHARS)
    const comment = store.createComment({
      anchor: anchorOn('نص'),
      body: long,
      tags: [],
      visibility: 'private',
    })
    expect(comment.body).toBe(long)
  })

  it('refuses an invalid anchor', () => {
    const store = storeFor()
    const anchor = { ...anchorOn('نص'), start: '' }
    expect(() => store.createHighlight({ anchor, visibility: 'class' })).toThrow()
    expect(store.list()).toEqual([])
  })

  it('gives every write the store’s own origin', () => {
    const store = storeFor()
    const origins: unknown[] = []
    for (const doc of Object.values(store.docs)) {
      doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    }
    const comment = commentOn(store)
    store.edit(comment.id, { body: 'b' })
    store.setVisibility(comment.id, 'private')
    store.resolve(comment.id)
    store.delete(comment.id)
    expect(origins.length).toBeGreaterThanOrEqual(6)
    expect(origins.every((origin) => origin === store.origin)).toBe(true)
    expect(store.origin.userId).toBe('hanan')
  })
})

describe('replies', () => {
  it('live in the replier’s own document, pointing at the annotation they answer', () => {
    const hanan = storeFor('hanan')
    const intisar = storeFor('intisar')
    const comment = commentOn(hanan, 'سؤال', 'instructors')
    const reply = intisar.reply({ to: comment, body: 'جواب', tags: ['#Answer'] })
    expect(reply).toMatchObject({
      kind: 'reply',
      author: 'intisar',
      replyTo: comment.id,
      visibility: 'instructors',
      tags: ['answer'],
    })
    expect(reply.anchor).toBeUndefined()
    expect(idsIn(intisar, 'instructors')).toEqual([reply.id])
    expect(idsIn(hanan, 'instructors')).toEqual([comment.id])
  })

  it('take a visibility of their own when given one', () => {
    const store = storeFor()
    const comment = commentOn(store)
    const reply = store.reply({ to: comment, body: 'b', visibility: 'private' })
    expect(reply.visibility).toBe('private')
    expect(idsIn(store, 'private')).toEqual([reply.id])
  })

  it('take their thread’s colour, not the default colour for new annotations', () => {
    const hanan = storeFor('hanan')
    const intisar = storeFor('intisar', { defaultColor: 'yellow' })
    const comment = hanan.createComment({
      anchor: anchorOn('نص'),
      body: 'a',
      tags: [],
      color: 'purple',
      visibility: 'class',
    })
    const first = intisar.reply({ to: comment, body: 'b' })
    expect(first.color).toBe('purple')
    expect(hanan.reply({ to: first, body: 'c' }).color).toBe('purple')
  })

  it('join the thread of the reply they answer', () => {
    const hanan = storeFor('hanan')
    const intisar = storeFor('intisar')
    const comment = commentOn(hanan)
    const first = intisar.reply({ to: comment, body: 'b' })
    const second = hanan.reply({ to: first, body: 'c' })
    expect(second.replyTo).toBe(comment.id)
  })

  it('must have text', () => {
    const store = storeFor()
    const comment = commentOn(store)
    expect(inputErrorCode(() => store.reply({ to: comment, body: ' ' }))).toBe('empty-comment')
    const reply = store.reply({ to: comment, body: 'b' })
    expect(inputErrorCode(() => store.edit(reply.id, { body: '' }))).toBe('empty-comment')
    expect(() => store.resolve(reply.id)).toThrow(/reply/)
  })
})

describe('changing annotations', () => {
  it('edits body, tags and colour and stamps the time', () => {
    const store = storeFor()
    const comment = store.createComment({
      anchor: anchorOn('نص'),
      body: 'a',
      tags: ['x'],
      visibility: 'class',
    })
    const edited = store.edit(comment.id, { body: 'b\n\n', tags: ['#Y', 'y'], color: 'pink' })
    expect(edited).toMatchObject({ body: 'b', tags: ['y'], color: 'pink', kind: 'comment' })
    expect(edited.createdAt).toBe(comment.createdAt)
    expect(edited.updatedAt > comment.updatedAt).toBe(true)
    expect(store.get(comment.id)).toEqual(edited)
  })

  it('turns a highlight with a note into a comment, and back when the note is emptied', () => {
    const store = storeFor()
    const highlight = store.createHighlight({ anchor: anchorOn('نص'), visibility: 'class' })
    expect(store.edit(highlight.id, { body: 'ملاحظة' }).kind).toBe('comment')
    expect(store.edit(highlight.id, { body: '' }).kind).toBe('highlight')
  })

  it('refuses to empty a comment that has replies, which as a highlight would hide them', () => {
    const store = storeFor()
    const comment = commentOn(store, 'سؤال')
    const emptied = () => store.edit(comment.id, { body: ' \n', tags: [] }, { hasReplies: true })
    expect(inputErrorCode(emptied)).toBe('emptied-comment-has-replies')
    expect(store.get(comment.id)).toEqual(comment)
    // With some text left, or no replies, the edit goes through as before.
    expect(store.edit(comment.id, { body: 'جواب' }, { hasReplies: true }).body).toBe('جواب')
    expect(store.edit(comment.id, { body: '' }, { hasReplies: false }).kind).toBe('highlight')
  })

  it('writes nothing for an edit that changes nothing', () => {
    const store = storeFor()
    const comment = store.createComment({
      anchor: anchorOn('نص'),
      body: 'a',
      tags: ['x'],
      visibility: 'class',
    })
    const listener = vi.fn()
    store.subscribe(listener)
    expect(store.edit(comment.id, { body: 'a', tags: ['#X'], color: 'yellow' })).toBe(
      store.get(comment.id),
    )
    expect(store.reopen(comment.id).updatedAt).toBe(comment.updatedAt)
    expect(listener).not.toHaveBeenCalled()
  })

  it('refuses bad input on edit and leaves the annotation as it was', () => {
    const store = storeFor()
    const comment = commentOn(store)
    expect(inputErrorCode(() => store.edit(comment.id, { tags: ['t'.repeat(100)] }))).toBe(
      'tag-too-long',
    )
    expect(store.get(comment.id)).toEqual(comment)
  })

  it('resolves and reopens a thread', () => {
    const store = storeFor()
    const comment = commentOn(store)
    expect(store.resolve(comment.id).resolved).toBe(true)
    expect(store.get(comment.id)?.resolved).toBe(true)
    expect(store.reopen(comment.id).resolved).toBe(false)
    expect(store.get(comment.id)?.resolved).toBe(false)
  })

  it('moves an annotation between documents when its visibility changes, losing nothing', () => {
    const store = storeFor()
    const comment = store.createComment({
      anchor: anchorOn('نص'),
      body: 'a',
      tags: ['x'],
      visibility: 'class',
    })
    // A field a newer version of the app might add must survive the move.
    rewriteEntry(store.docs.class, comment.id, { future: 1 })
    const listener = vi.fn()
    store.subscribe(listener)
    const moved = store.setVisibility(comment.id, 'private')
    expect(listener).toHaveBeenCalledTimes(1)
    expect(moved).toEqual({ ...comment, visibility: 'private', updatedAt: moved.updatedAt })
    expect(idsIn(store, 'class')).toEqual([])
    expect(idsIn(store, 'private')).toEqual([comment.id])
    const entry = entryFields(annotationEntries(store.docs.private).get(comment.id))
    expect(entry.future).toBe(1)
    expect(entry.visibility).toBe('private')
    expect(store.setVisibility(comment.id, 'private')).toEqual(moved)
  })

  it('deletes only the annotation itself; replies stay in their authors’ documents', () => {
    const hanan = storeFor('hanan')
    const intisar = storeFor('intisar')
    const comment = commentOn(hanan)
    const ownReply = hanan.reply({ to: comment, body: 'b' })
    const otherReply = intisar.reply({ to: comment, body: 'c' })
    hanan.delete(comment.id)
    expect(hanan.get(comment.id)).toBeUndefined()
    expect(hanan.list().map((a) => a.id)).toEqual([ownReply.id])
    expect(intisar.get(otherReply.id)).toEqual(otherReply)
    expect(() => hanan.delete(comment.id)).toThrow(NotOwnAnnotationError)
  })
})

describe('ownership', () => {
  it('refuses every operation on an annotation outside the user’s own documents', () => {
    const hanan = storeFor('hanan')
    const intisar = storeFor('intisar')
    const theirs = commentOn(intisar)
    const operations = [
      () => hanan.edit(theirs.id, { body: 'mine now' }),
      () => hanan.setVisibility(theirs.id, 'private'),
      () => hanan.resolve(theirs.id),
      () => hanan.reopen(theirs.id),
      () => hanan.delete(theirs.id),
    ]
    for (const operation of operations) {
      expect(operation).toThrow(NotOwnAnnotationError)
      expect(operation).toThrow(/only its author can change it/)
    }
    expect(intisar.get(theirs.id)).toEqual(theirs)
  })

  it('refuses a store whose visibilities share one document', () => {
    const doc = new Y.Doc()
    expect(
      () =>
        new AnnotationStore({
          userId: 'hanan',
          userName: 'Hanan',
          docs: { private: doc, instructors: new Y.Doc(), class: doc },
        }),
    ).toThrow(/own document/)
  })
})

describe('reading back', () => {
  it('skips unreadable entries in the list but reports each of them', () => {
    const store = storeFor()
    const good = store.createHighlight({ anchor: anchorOn('نص'), visibility: 'class' })
    const entries = annotationEntries(store.docs.class)
    store.docs.class.transact(() => {
      entries.set('plain', { id: 'plain' })
      writeEntry(entries, 'missing', { id: 'missing', kind: 'comment' })
      writeEntry(entries, 'forged', { ...good, id: 'forged', author: 'intisar' })
    }, REMOTE)
    expect(store.list()).toEqual([good])
    const invalid = store.invalid()
    expect(invalid.map((entry) => entry.id).sort()).toEqual(['forged', 'missing', 'plain'])
    expect(invalid.find((entry) => entry.id === 'forged')?.problem).toMatch(/owner/)
    expect(invalid.find((entry) => entry.id === 'plain')?.raw).toEqual({ id: 'plain' })
    expect(invalid.find((entry) => entry.id === 'missing')?.problem).toMatch(/author/)
  })

  it('lets a damaged own entry be deleted but not otherwise changed', () => {
    const store = storeFor()
    const entries = annotationEntries(store.docs.private)
    store.docs.private.transact(() => writeEntry(entries, 'damaged', { id: 'damaged' }))
    expect(() => store.edit('damaged', { body: 'x' })).toThrow(DamagedAnnotationError)
    store.delete('damaged')
    expect(store.invalid()).toEqual([])
  })

  it('reports a second copy of one annotation and clears it on the next move', () => {
    const store = storeFor()
    const comment = commentOn(store)
    // What two devices moving the same annotation at once leave behind once merged.
    store.docs.private.transact(() => {
      const copy = { ...comment, visibility: 'private' }
      writeEntry(annotationEntries(store.docs.private), comment.id, copy)
    }, REMOTE)
    expect(store.list()).toHaveLength(1)
    expect(store.get(comment.id)?.visibility).toBe('private')
    expect(store.invalid()).toMatchObject([{ id: comment.id, visibility: 'class' }])
    store.setVisibility(comment.id, 'instructors')
    expect(idsIn(store, 'class')).toEqual([])
    expect(idsIn(store, 'private')).toEqual([])
    expect(idsIn(store, 'instructors')).toEqual([comment.id])
    expect(store.invalid()).toEqual([])
  })

  it('returns the same list until something changes', () => {
    const store = storeFor()
    store.createHighlight({ anchor: anchorOn('نص'), visibility: 'class' })
    const first = store.list()
    expect(store.list()).toBe(first)
    store.createHighlight({ anchor: anchorOn('نص'), visibility: 'private' })
    expect(store.list()).not.toBe(first)
    expect(store.list()).toHaveLength(2)
  })
})

describe('subscribing', () => {
  it('fires once per transaction, including ones from other replicas, until unsubscribed', () => {
    const store = storeFor()
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    const comment = commentOn(store)
    expect(listener).toHaveBeenCalledTimes(1)
    const replica = new Y.Doc()
    syncReplicas(store.docs.class, replica)
    expect(listener).toHaveBeenCalledTimes(1)
    rewriteEntry(replica, comment.id, { color: 'blue' }, null)
    syncReplicas(store.docs.class, replica)
    expect(listener).toHaveBeenCalledTimes(2)
    expect(store.get(comment.id)?.color).toBe('blue')
    store.docs.private.getMap('notebook').set('unrelated', 1)
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    store.resolve(comment.id)
    expect(listener).toHaveBeenCalledTimes(2)
  })
})

describe('two replicas of the user’s documents', () => {
  it('converge on one whole save when one annotation is edited on both at once', () => {
    const laptop = storeFor('hanan', { newId: sequentialIds('laptop') })
    const phoneDocs = userDocs()
    const phone = storeFor('hanan', { docs: phoneDocs, newId: sequentialIds('phone') })
    const comment = laptop.createComment({
      anchor: anchorOn('نص'),
      body: 'first draft',
      tags: ['x'],
      visibility: 'class',
    })
    syncReplicas(laptop.docs.class, phoneDocs.class)
    const onLaptop = laptop.edit(comment.id, { body: 'second draft' })
    phone.edit(comment.id, { color: 'green', tags: ['y'] })
    const onPhone = phone.resolve(comment.id)
    syncReplicas(laptop.docs.class, phoneDocs.class)
    // Each annotation is one value in the map, so the later save by Yjs's order wins whole: never
    // a mixture of fields that no device saved.
    const merged = laptop.get(comment.id)
    expect([onLaptop, onPhone]).toContainEqual(merged)
    expect(phone.get(comment.id)).toEqual(merged)
    expect(laptop.invalid()).toEqual([])
  })
})

describe('entries saved by older versions', () => {
  const legacyFields = (annotation: Annotation) => ({ ...annotation, future: 'kept' })

  it('are read, and an edit rewrites one as text keeping fields this version does not know', () => {
    const store = storeFor()
    const comment = commentOn(store)
    storeLegacyEntry(store.docs.class, comment.id, legacyFields(comment))
    expect(store.get(comment.id)).toEqual(comment)
    store.edit(comment.id, { body: 'b' })
    const entry = annotationEntries(store.docs.class).get(comment.id)
    expect(typeof entry).toBe('string')
    expect(entryFields(entry)).toMatchObject({ body: 'b', future: 'kept' })
  })

  it('are all rewritten as text by upgradeStoredEntries, once, outside undo', () => {
    const store = storeFor()
    const undo = new AnnotationUndo(store)
    const kept = store.createHighlight({ anchor: anchorOn('نص'), visibility: 'private' })
    const old = { ...kept, id: 'old-1', visibility: 'class' as const }
    storeLegacyEntry(store.docs.class, old.id, legacyFields(old))
    const listener = vi.fn()
    store.subscribe(listener)
    expect(store.upgradeStoredEntries()).toBe(1)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(entryFields(annotationEntries(store.docs.class).get(old.id))).toEqual(legacyFields(old))
    expect(store.list()).toEqual([kept, old])
    expect(store.upgradeStoredEntries()).toBe(0)
    undo.undo()
    expect(store.list()).toEqual([old])
    undo.destroy()
  })
})
