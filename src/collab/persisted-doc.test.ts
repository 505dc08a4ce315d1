import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { LocalWrites, type LocalWriteProblem } from './local-writes'
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

/**
 * Makes every write of an update fail as a full disk does: the request errors and its
 * transaction is aborted (`quota`: with a `QuotaExceededError`, thrown as Chromium's add may).
 * Returns the function that lets writes through again.
 */
function breakWrites({ quota = false } = {}): () => void {
  const add = IDBObjectStore.prototype.add
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
    if (quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    const request = add.apply(this, args)
    this.transaction.abort()
    return request
  }
  return () => {
    IDBObjectStore.prototype.add = add
  }
}

/** Resolves once `writes` reports a problem that `wanted` accepts (or none, for null). */
function problemOf(
  writes: LocalWrites,
  wanted: (problem: LocalWriteProblem | null) => boolean,
): Promise<LocalWriteProblem | null> {
  return new Promise((resolve) => {
    const check = () => {
      const problem = writes.problem()
      if (!wanted(problem)) return
      unsubscribe()
      resolve(problem)
    }
    const unsubscribe = writes.subscribe(check)
    check()
  })
}

/** What another window opening the document would find stored. */
async function storedAnnotations(name: string): Promise<Record<string, unknown>> {
  const other = await openPersistedDoc(name, new Y.Doc(), new LocalWrites())
  const stored = other.doc.getMap('annotations').toJSON()
  await other.close()
  return stored
}

describe('an edit’s write', () => {
  it('asks IndexedDB to commit in the same run of code, not once the page hears back', async () => {
    const name = 'seminar:test:user:u5:class'
    const opened = await openPersistedDoc(name)
    await opened.flush()
    const added = vi.spyOn(IDBObjectStore.prototype, 'add')
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit')
    try {
      opened.doc.getMap<string>('annotations').set('saved-then-closed', 'kept')
      await Promise.resolve()
      expect(added).toHaveBeenCalledOnce()
      expect(commit).toHaveBeenCalledOnce()
      expect(commit.mock.contexts[0]).toBe((added.mock.contexts[0] as IDBObjectStore).transaction)
    } finally {
      added.mockRestore()
      commit.mockRestore()
    }
    expect((await storedAnnotations(name))['saved-then-closed']).toBe('kept')
    await opened.close()
  })
})

describe('a persisted document edited for a long while', () => {
  it('merges its stored entries into one once there are many, as y-indexeddb does', async () => {
    const name = 'seminar:test:user:u6:private'
    const opened = await openPersistedDoc(name)
    const notes = opened.doc.getMap<number>('annotations')
    // One write per run of code, as a reader typing makes them.
    for (let i = 0; i < 510; i++) {
      notes.set('count', i)
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    expect(await storedEntries(name)).toBeGreaterThan(500)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(await storedEntries(name)).toBe(1)
    await opened.close()
  })
})

describe('a persisted document IndexedDB will not write', () => {
  it('reports the failed write, and stores the change when asked to try again', async () => {
    const writes = new LocalWrites({ retryEveryMs: 60_000 })
    const name = 'seminar:fail:user:u1:class'
    const opened = await openPersistedDoc(name, new Y.Doc(), writes)
    const restore = breakWrites()
    try {
      opened.doc.getMap('annotations').set('a1', 'written while the disk was full')
      const problem = await problemOf(writes, (found) => found !== null)
      expect(problem).toMatchObject({ kind: 'refused', docNames: [name] })
      // Still failing: trying again keeps the problem.
      expect(await writes.retry()).toBe(false)
      expect(writes.problem()).not.toBeNull()
    } finally {
      restore()
    }
    expect(await storedAnnotations(name)).toEqual({})
    expect(await writes.retry()).toBe(true)
    expect(writes.problem()).toBeNull()
    expect(await storedAnnotations(name)).toEqual({ a1: 'written while the disk was full' })
    await opened.close()
  })

  it('tells a full disk from other refusals', async () => {
    const writes = new LocalWrites({ retryEveryMs: 60_000 })
    const name = 'seminar:fail:user:u2:class'
    const opened = await openPersistedDoc(name, new Y.Doc(), writes)
    const restore = breakWrites({ quota: true })
    try {
      opened.doc.getMap('annotations').set('a1', 'lost?')
      expect(await problemOf(writes, (found) => found !== null)).toEqual({
        kind: 'full',
        detail: 'The quota has been exceeded.',
        docNames: [name],
      })
    } finally {
      restore()
    }
    await writes.retry()
    await opened.close()
  })

  it('stores the whole state with the next change, the lost one included', async () => {
    const writes = new LocalWrites({ retryEveryMs: 60_000 })
    const name = 'seminar:fail:user:u3:class'
    const opened = await openPersistedDoc(name, new Y.Doc(), writes)
    const notes = opened.doc.getMap('annotations')
    const restore = breakWrites()
    try {
      notes.set('lost', 'written while the disk was full')
      await problemOf(writes, (found) => found !== null)
    } finally {
      restore()
    }
    notes.set('next', 'written once there was space again')
    await problemOf(writes, (found) => found === null)
    expect(await storedAnnotations(name)).toEqual({
      lost: 'written while the disk was full',
      next: 'written once there was space again',
    })
    await opened.close()
  })

  it('tries again on its own until the write succeeds', async () => {
    const writes = new LocalWrites({ retryEveryMs: 20 })
    const name = 'seminar:fail:user:u4:class'
    const opened = await openPersistedDoc(name, new Y.Doc(), writes)
    const restore = breakWrites()
    try {
      opened.doc.getMap('annotations').set('a1', 'kept')
      await problemOf(writes, (found) => found !== null)
      // Several rounds fail meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(writes.problem()).not.toBeNull()
    } finally {
      restore()
    }
    await problemOf(writes, (found) => found === null)
    expect(await storedAnnotations(name)).toEqual({ a1: 'kept' })
    await opened.close()
  })

  it('neither a flush nor closing throws; closed, the document is kept until it is stored', async () => {
    const writes = new LocalWrites({ retryEveryMs: 60_000 })
    const name = 'seminar:fail:user:u5:private'
    const opened = await openPersistedDoc(name, new Y.Doc(), writes)
    const restore = breakWrites()
    try {
      opened.doc.getMap('annotations').set('a1', 'kept')
      await expect(opened.flush()).resolves.toBeUndefined()
      expect(writes.problem()).toMatchObject({ docNames: [name] })
      await expect(opened.close()).resolves.toBeUndefined()
      expect(writes.problem()).toMatchObject({ docNames: [name] })
    } finally {
      restore()
    }
    expect(await writes.retry()).toBe(true)
    expect(await storedAnnotations(name)).toEqual({ a1: 'kept' })
  })
})

describe('an opening abandoned before the store answers', () => {
  it('rejects and decodes nothing of what is stored', async () => {
    const name = 'seminar:test:abandoned'
    const stored = await openPersistedDoc(name)
    stored.doc.getText('t').insert(0, 'kept in the store')
    await stored.close()

    const abandon = new AbortController()
    const doc = new Y.Doc()
    const opening = openPersistedDoc(name, doc, new LocalWrites(), abandon.signal)
    abandon.abort()
    await expect(opening).rejects.toThrow(/abandoned/)
    // Long enough for the store's answer to have arrived, had anything waited for it.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(doc.getText('t').toString()).toBe('')

    const reopened = await openPersistedDoc(name)
    expect(reopened.doc.getText('t').toString()).toBe('kept in the store')
    await reopened.close()
  })
})
