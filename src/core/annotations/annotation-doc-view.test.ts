import { describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { AnnotationDocView } from './annotation-doc-view'
import { annotationEntries } from './annotation-entry'
import { AnnotationStore } from './annotation-store'
import { anchorOn, sequentialIds, steadyClock, userDocs } from './annotation-test-support'

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

  it('notices a field changed inside an entry and an entry deleted', () => {
    const { store, view } = setup()
    const a = store.createHighlight({ anchor: anchorOn('أ'), visibility: 'class' })
    const listener = vi.fn()
    view.subscribe(listener)
    const entry = annotationEntries(store.docs.class).get(a.id) as Y.Map<unknown>
    entry.set('color', 'green')
    expect(view.get(a.id)?.color).toBe('green')
    annotationEntries(store.docs.class).delete(a.id)
    expect(view.get(a.id)).toBeUndefined()
    expect(view.annotations()).toEqual([])
    expect(listener).toHaveBeenCalledTimes(2)
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
