import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openPersistedDoc } from './persisted-doc'

/** How many entries y-indexeddb keeps for a document (one per stored update). */
function storedEntries(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onerror = () => reject(request.error)
    request.onsuccess = () => {
      const db = request.result
      const count = db.transaction('updates').objectStore('updates').count()
      count.onsuccess = () => {
        db.close()
        resolve(count.result)
      }
      count.onerror = () => reject(count.error)
    }
  })
}

describe('a persisted document', () => {
  it('keeps its content across opens, in a store that does not grow with each open', async () => {
    const name = 'seminar:test:notebook'
    for (let round = 0; round < 5; round++) {
      const opened = await openPersistedDoc(name)
      const list = opened.doc.getArray<number>('rounds')
      expect(list.toArray()).toEqual([...Array(round).keys()])
      for (let edit = 0; edit < 20; edit++) opened.doc.transact(() => list.push([]))
      list.push([round])
      await opened.close()
      expect(await storedEntries(name)).toBe(1)
    }
  })

  it('flushes edits made just before the window closes', async () => {
    const name = 'seminar:test:user:u1:private'
    const opened = await openPersistedDoc(name)
    opened.doc.getMap('annotations').set('a1', 'kept')
    await opened.flush()
    // No close: as when the page is torn down right after `pagehide`.
    const reopened = await openPersistedDoc(name)
    expect(reopened.doc.getMap('annotations').get('a1')).toBe('kept')
    await Promise.all([opened.close(), reopened.close()])
  })

  it('loads what was stored without encoding it again as an update', async () => {
    const name = 'seminar:test:user:u2:class'
    const first = await openPersistedDoc(name)
    const notes = first.doc.getMap<string>('annotations')
    for (let i = 0; i < 50; i++) notes.set(`a${i}`, 'stored')
    await first.close()

    let updates = 0
    class CountingDoc extends Y.Doc {
      override emit(...event: Parameters<Y.Doc['emit']>): void {
        if (event[0] === 'update') updates++
        super.emit(...event)
      }
    }
    const reopened = await openPersistedDoc(name, new CountingDoc())
    expect(reopened.doc.getMap('annotations').size).toBe(50)
    expect(updates).toBe(0)
    // Listening again once loaded: a later edit is stored without a flush.
    reopened.doc.getMap('annotations').set('later', 'kept')
    expect(updates).toBe(1)
    const other = await openPersistedDoc(name)
    expect(other.doc.getMap('annotations').get('later')).toBe('kept')
    await Promise.all([reopened.close(), other.close()])
  })

  it('stores a change made while what was stored is still loading', async () => {
    const name = 'seminar:test:user:u3:class'
    const first = await openPersistedDoc(name)
    first.doc.getMap('annotations').set('old', 'stored')
    await first.close()

    const doc = new Y.Doc()
    // As an observer reacting to the stored content would: it writes once the content is in,
    // before the load has finished.
    const react = (transaction: Y.Transaction) => {
      if (transaction.origin === null) return
      doc.off('afterTransaction', react)
      doc.getMap('annotations').set('early', 'made while loading')
    }
    doc.on('afterTransaction', react)
    const opening = openPersistedDoc(name, doc)
    const opened = await opening
    expect(opened.doc.getMap('annotations').toJSON()).toEqual({
      old: 'stored',
      early: 'made while loading',
    })
    // Not closed or flushed: another reader of the store sees both.
    const other = await openPersistedDoc(name)
    expect(other.doc.getMap('annotations').toJSON()).toEqual(
      opened.doc.getMap('annotations').toJSON(),
    )
    await Promise.all([opened.close(), other.close()])
  })

  it('stores a burst of edits as one write, so a reload right after it loses none', async () => {
    const name = 'seminar:test:user:u4:class'
    const opened = await openPersistedDoc(name)
    await opened.flush()
    const before = await storedEntries(name)
    const notes = opened.doc.getMap<string>('annotations')
    // As an import does: one transaction per annotation, all in one run of code.
    for (let i = 0; i < 200; i++) opened.doc.transact(() => notes.set(`imported-${i}`, 'kept'))
    await Promise.resolve()
    expect(await storedEntries(name)).toBe(before + 1)
    const other = await openPersistedDoc(name)
    expect(other.doc.getMap('annotations').size).toBe(200)
    await Promise.all([opened.close(), other.close()])
  })
})
