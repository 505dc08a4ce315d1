import { describe, expect, it } from 'vitest'
import { pendingChangesIn, type KeyValueStorage } from './pending-changes'
import { syncStatusOf } from './sync-status'

const doc = (pending: number, synced = true, refused = false) => ({ pending, synced, refused })

describe('syncStatusOf', () => {
  it('is offline while the socket is down, counting what waits', () => {
    expect(syncStatusOf(false, [doc(2), doc(3, false)])).toEqual({ state: 'offline', unsynced: 5 })
  })

  it('is syncing while a document has not finished its handshake or has changes in flight', () => {
    expect(syncStatusOf(true, [doc(0), doc(0, false)]).state).toBe('syncing')
    expect(syncStatusOf(true, [doc(1)])).toEqual({ state: 'syncing', unsynced: 1 })
  })

  it('is online when everything is in step; a refused document does not hold it back', () => {
    expect(syncStatusOf(true, [doc(0), doc(0, false, true)])).toEqual({
      state: 'online',
      unsynced: 0,
    })
  })
})

describe('pendingChangesIn', () => {
  it('keeps counts across instances, forgets zeros, and survives a storage that throws', () => {
    const map = new Map<string, string>()
    const storage: KeyValueStorage = {
      getItem: (key) => map.get(key) ?? null,
      setItem: (key, value) => void map.set(key, value),
      removeItem: (key) => void map.delete(key),
    }
    pendingChangesIn(storage).write('a', 3)
    expect(pendingChangesIn(storage).read('a')).toBe(3)
    pendingChangesIn(storage).write('a', 0)
    expect(map.size).toBe(0)
    map.set('hamish.pending:b', 'garbage')
    expect(pendingChangesIn(storage).read('b')).toBe(0)
    const full: KeyValueStorage = {
      ...storage,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(() => pendingChangesIn(full).write('c', 1)).not.toThrow()
  })
})
