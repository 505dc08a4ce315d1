import type { PrefillApi, StoredDatabase } from './page-api'

/*
 * Lays documents into IndexedDB exactly as y-indexeddb keeps them (node_modules/y-indexeddb):
 * one database per document name, version 1, an auto-increment object store `updates` holding
 * Yjs updates as Uint8Array values (keys from 1), and a `custom` store.
 */

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

function openYIndexedDb(name: string): Promise<IDBDatabase> {
  const opening = indexedDB.open(name)
  opening.onupgradeneeded = () => {
    const db = opening.result
    if (!db.objectStoreNames.contains('updates'))
      db.createObjectStore('updates', { autoIncrement: true })
    if (!db.objectStoreNames.contains('custom')) db.createObjectStore('custom')
  }
  return request(opening)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

async function store(database: StoredDatabase): Promise<void> {
  const db = await openYIndexedDb(database.name)
  try {
    const transaction = db.transaction(['updates', 'custom'], 'readwrite')
    const updates = transaction.objectStore('updates')
    for (const update of database.updates) updates.add(fromBase64(update))
    const custom = transaction.objectStore('custom')
    for (const [key, value] of Object.entries(database.custom ?? {})) custom.put(value, key)
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'))
    })
  } finally {
    db.close()
  }
}

const api: PrefillApi = {
  async prefill(databases, entries) {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value)
    await Promise.all(databases.map(store))
  },
}

window.hamishBench = { ...window.hamishBench, ...api }
