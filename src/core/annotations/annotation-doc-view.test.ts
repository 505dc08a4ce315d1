import { describe, expect, it, vi } from 'vitest'
import { AnnotationDocView } from './annotation-doc-view'
import { annotationEntries } from './annotation-entry'
import { AnnotationStore } from './annotation-store'
import {
  anchorOn,
  rewriteEntry,
  sequentialIds,
  steadyClock,
  storeLegacyEntry,
  userDocs,
} from './annotation-test-support'

function setup() {
  const store = new AnnotationStore({
    userId: 'hanan',
    userName: 'Hanan',
    docs: userDocs(),
    now: steadyClock(),
    newId: sequentialIds('hanan'),
  })
  const view = new AnnotationDocView({ doc: store.docs.class, owner: 'hanan', visibility: 'class' })
  return { store, view }
}

describe('AnnotationDocView', () => {
  it('reads what was in the document before it was created', () => {
    const docs = userDocs()
    const store = new AnnotationStore({ userId: 'hanan', userName: 'Hanan', docs })
    const highlight = store.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    const view = new AnnotationDocView({ doc: docs.class, owner: 'hanan', visibility: 'class' })
    expect(view.annotations()).toEqual([highlight])
  })

  it('reads one entry on its own, without reading every other entry not yet read', () => {
    const { store, view } = setup()
    const a = store.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    const b = store.createHighlight({ anchor: anchorOn('ب'), visibility: 'class' })
    const unread = storeLegacyEntry(store.docs.class, b.id, b)
    const readB = vi.spyOn(unread, 'toJSON')
    expect(view.get(a.id)).toEqual(a)
    expect(readB).not.toHaveBeenCalled()
    expect(view.annotations()).toEqual([a, b])
    expect(readB).toHaveBeenCalledTimes(1)
  })

  it('re-reads only the entries a change touched, keeping the others’ objects', () => {
    const { store, view } = setup()
    const a = store.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    const b = store.createHighlight({ anchor: anchorOn('ب'), visibility: 'class' })
    const [firstA, firstB] = view.annotations()
    expect(firstA).toEqual(a)
    store.edit(b.id, { color: 'blue' })
    const [secondA, secondB] = view.annotations()
    expect(secondA).toBe(firstA)
    expect(secondB).not.toBe(firstB)
    expect(secondB?.color).toBe('blue')
  })

  it('notices an entry rewritten, a field changed inside an old-shape entry, and deletions', () => {
    const { store, view } = setup()
    const a = store.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    const listener = vi.fn()
    view.subscribe(listener)
    rewriteEntry(store.docs.class, a.id, { color: 'green' })
    expect(view.get(a.id)?.color).toBe('green')
    const legacy = storeLegacyEntry(store.docs.class, a.id, { ...a, color: 'green' })
    legacy.set('color', 'blue')
    expect(view.get(a.id)?.color).toBe('blue')
    annotationEntries(store.docs.class).delete(a.id)
    expect(view.get(a.id)).toBeUndefined()
    expect(view.annotations()).toEqual([])
    expect(listener).toHaveBeenCalledTimes(4)
  })

  it('stops listening once destroyed', () => {
    const { store, view } = setup()
    const listener = vi.fn()
    view.subscribe(listener)
    view.destroy()
    store.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    expect(listener).not.toHaveBeenCalled()
  })
})
