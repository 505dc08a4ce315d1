import { expect, type Page } from '@playwright/test'
import * as Y from 'yjs'
import { annotationEntries } from '../../src/core/annotations/annotation-entry'

/*
 * The reading's own documents as y-indexeddb keeps them in the page's IndexedDB, read and
 * written from the test: for what arrives from elsewhere (a peer, an import, an older version of
 * the app) rather than through the UI.
 */

/** The IndexedDB names of the reading's own annotation documents (DESIGN.md, "Documents"). */
export const USER_DOC_NAME_PATTERN = ':user:[^:]+:(?:class|instructor|private)$'

/** The reading's own annotation documents in IndexedDB, each as its list of stored updates. */
export async function storedUserDocs(page: Page): Promise<Record<string, number[][]>> {
  return page.evaluate(async (pattern) => {
    const userDoc = new RegExp(pattern, 'u')
    const out: Record<string, number[][]> = {}
    for (const { name } of await indexedDB.databases()) {
      if (!name || !userDoc.test(name)) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
        const request = db.transaction('updates').objectStore('updates').getAll()
        request.onsuccess = () => resolve(request.result as Uint8Array[])
        request.onerror = () => reject(request.error)
      })
      out[name] = updates.map((update) => [...update])
      db.close()
    }
    return out
  }, USER_DOC_NAME_PATTERN)
}

/** Appends an update to a document's store, as y-indexeddb keeps them. */
export async function appendUpdate(page: Page, name: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    async ({ name, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('updates', 'readwrite')
        transaction.objectStore('updates').add(Uint8Array.from(bytes))
        transaction.oncomplete = () => resolve()
        transaction.onerror = () => reject(transaction.error)
      })
      db.close()
    },
    { name, bytes: [...update] },
  )
}

/**
 * Makes `change` to a stored document (as `storedDocHolding` read it) and appends just what it
 * changed to the document's store, as a peer's update or another window's write would arrive.
 */
export async function appendChange(
  page: Page,
  stored: { name: string; doc: Y.Doc },
  change: (doc: Y.Doc) => void,
): Promise<void> {
  const before = Y.encodeStateVector(stored.doc)
  stored.doc.transact(() => change(stored.doc))
  await appendUpdate(page, stored.name, Y.encodeStateAsUpdate(stored.doc, before))
}

/** The stored user document that holds the annotation `id`, once it has been saved there. */
export async function storedDocHolding(
  page: Page,
  id: string,
): Promise<{ name: string; doc: Y.Doc }> {
  let found: { name: string; doc: Y.Doc } | undefined
  await expect(async () => {
    for (const [name, updates] of Object.entries(await storedUserDocs(page))) {
      const doc = new Y.Doc()
      for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update))
      if (annotationEntries(doc).has(id)) found = { name, doc }
    }
    expect(found).toBeDefined()
  }).toPass()
  return found!
}
