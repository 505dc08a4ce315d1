import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocumentStore } from './document-store'
import { openSeminarDatabase } from './seminar-database'

const dirs: string[] = []

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hamish-docs-'))
  dirs.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A document that records its updates, as the persistence extension appends them. */
function recordingDoc(store: DocumentStore, name: string): Y.Doc {
  const doc = new Y.Doc()
  doc.on('update', (update: Uint8Array) => store.append(name, update))
  return doc
}

function textOf(update: Uint8Array | null): string {
  const doc = new Y.Doc()
  if (update) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('DocumentStore', () => {
  it('has nothing for a document never stored', () => {
    const db = openSeminarDatabase(freshDir())
    expect(new DocumentStore(db).load('seminar:s:notebook')).toBeNull()
    db.close()
  })

  it('keeps appended updates across a close with no compaction (a crash)', () => {
    const dir = freshDir()
    const db = openSeminarDatabase(dir)
    const store = new DocumentStore(db)
    const doc = recordingDoc(store, 'n')
    doc.getText('t').insert(0, 'one ')
    doc.getText('t').insert(4, 'two')
    db.close()

    const reopened = new DocumentStore(openSeminarDatabase(dir))
    expect(reopened.pendingUpdates('n')).toBe(2)
    expect(textOf(reopened.load('n'))).toBe('one two')
  })

  it('compacts: one state, no pending updates, same content, later updates on top', () => {
    const db = openSeminarDatabase(freshDir())
    const store = new DocumentStore(db, () => new Date('2026-03-01T00:00:00Z'))
    const doc = recordingDoc(store, 'n')
    for (let i = 0; i < 20; i++) doc.getText('t').insert(0, `${i}`)
    store.compact('n', Y.encodeStateAsUpdate(doc))
    expect(store.pendingUpdates('n')).toBe(0)
    expect(textOf(store.load('n'))).toBe(doc.getText('t').toString())
    doc.getText('t').insert(0, 'after ')
    expect(store.pendingUpdates('n')).toBe(1)
    expect(textOf(store.load('n'))).toBe(doc.getText('t').toString())
    expect(db.prepare('SELECT updated_at FROM documents').get()?.['updated_at']).toBe(
      '2026-03-01T00:00:00.000Z',
    )
    db.close()
  })

  it('keeps documents apart', () => {
    const db = openSeminarDatabase(freshDir())
    const store = new DocumentStore(db)
    recordingDoc(store, 'a').getText('t').insert(0, 'A')
    recordingDoc(store, 'b').getText('t').insert(0, 'B')
    store.compact('a', Y.encodeStateAsUpdate(new Y.Doc()))
    expect(textOf(store.load('b'))).toBe('B')
    expect(store.pendingUpdates('b')).toBe(1)
    db.close()
  })
})
