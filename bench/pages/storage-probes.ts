import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import type { StorageProbeApi } from './page-api'

/*
 * Reopening stored documents the way the app does (y-indexeddb into a Y.Doc), against reading
 * the same stored bytes with no Yjs at all.
 */

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

async function close(persistence: IndexeddbPersistence): Promise<void> {
  await persistence.destroy()
  persistence.doc.destroy()
}

async function readAll(name: string): Promise<number> {
  const db = await request(indexedDB.open(name))
  try {
    const values = await request(
      db.transaction('updates', 'readonly').objectStore('updates').getAll(),
    )
    return values.reduce((bytes: number, value: Uint8Array) => bytes + value.byteLength, 0)
  } finally {
    db.close()
  }
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

const api: StorageProbeApi = {
  async reopenWithYIndexedDb(names) {
    const start = performance.now()
    const opened = names.map((name) => new IndexeddbPersistence(name, new Y.Doc()))
    await Promise.all(opened.map((persistence) => persistence.whenSynced))
    const ms = performance.now() - start
    const annotations = sum(opened.map((persistence) => persistence.doc.getMap('annotations').size))
    await Promise.all(opened.map(close))
    return { ms, annotations }
  },
  async readRaw(names) {
    const start = performance.now()
    const bytes = sum(await Promise.all(names.map(readAll)))
    return { ms: performance.now() - start, bytes }
  },
}

window.hamishBench = { ...window.hamishBench, ...api }
