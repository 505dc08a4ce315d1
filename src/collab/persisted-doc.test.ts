import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
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
})
