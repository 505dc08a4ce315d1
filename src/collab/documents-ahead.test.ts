import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { importArticle } from '../core/article'
import { abandonAhead, openAhead, openPersistedDocOrAhead } from './documents-ahead'
import { openLocalReading } from './local-reading'
import { myDocumentNames, openMyDocuments } from './my-documents'
import { openPersistedDoc } from './persisted-doc'

/** Counts the IndexedDB connections asked for by name, to tell a claimed open from a new one. */
function countOpens(): Map<string, number> {
  const opens = new Map<string, number>()
  const open = indexedDB.open.bind(indexedDB)
  vi.spyOn(indexedDB, 'open').mockImplementation((name, version) => {
    opens.set(name, (opens.get(name) ?? 0) + 1)
    return open(name, version)
  })
  return opens
}

async function store(name: string, text: string): Promise<void> {
  const stored = await openPersistedDoc(name)
  stored.doc.getText('t').insert(0, text)
  await stored.close()
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('documents opened ahead', () => {
  it('are handed, loaded, to the first that opens them; the next open is its own', async () => {
    const name = 'seminar:ahead-1:user:u1:class'
    await store(name, 'stored before')
    const opens = countOpens()
    openAhead([name], 60_000)
    expect(opens.get(name)).toBe(1)

    const claimed = await openPersistedDocOrAhead(name)
    expect(opens.get(name)).toBe(1)
    expect(claimed.doc.getText('t').toString()).toBe('stored before')

    const another = await openPersistedDocOrAhead(name)
    expect(opens.get(name)).toBe(2)
    expect(another.doc).not.toBe(claimed.doc)
    await Promise.all([claimed.close(), another.close()])
  })

  it('are closed when nobody claims them in time', async () => {
    const name = 'seminar:ahead-2:user:u1:private'
    await store(name, 'unclaimed')
    const opens = countOpens()
    const destroy = vi.spyOn(Y.Doc.prototype, 'destroy')
    openAhead([name], 20)
    await vi.waitFor(() => expect(destroy).toHaveBeenCalledTimes(1))

    const later = await openPersistedDocOrAhead(name)
    expect(opens.get(name)).toBe(2)
    expect(later.doc.getText('t').toString()).toBe('unclaimed')
    await later.close()
  })

  it('are closed only by their own time, not by that of an earlier opening claimed', async () => {
    const name = 'seminar:ahead-4:user:u1:class'
    const opens = countOpens()
    openAhead([name], 20)
    const first = await openPersistedDocOrAhead(name)
    openAhead([name], 60_000)
    await new Promise((resolve) => setTimeout(resolve, 60))

    const second = await openPersistedDocOrAhead(name)
    expect(opens.get(name)).toBe(2)
    second.doc.getText('t').insert(0, 'still open')
    expect(second.doc.isDestroyed).toBe(false)
    await Promise.all([first.close(), second.close()])
  })

  it('include the reader’s own, opened with the article and taken by their documents', async () => {
    const article = importArticle('Opened ahead\n\nIts only paragraph.', { format: 'txt' })
    const first = await openLocalReading(article, { readerId: 'u-ahead' })
    const names = myDocumentNames(first.seminarId, 'u-ahead')
    await (await openMyDocuments(first.seminarId, 'u-ahead')).close()
    await first.close()
    // Stored without first-screen indexes (by another version, say): they open ahead.
    for (const name of names) await store(name, 'no index')

    const opens = countOpens()
    const reading = await openLocalReading(article, { readerId: 'u-ahead' })
    expect(await reading.firstScreen).toBeNull()
    // One look for the indexes, then the documents themselves.
    expect(names.map((name) => opens.get(name))).toEqual([2, 2, 2])

    const mine = await openMyDocuments(reading.seminarId, 'u-ahead')
    expect(names.map((name) => opens.get(name))).toEqual([2, 2, 2])
    expect(mine.byVisibility.class.doc.getText('t').toString()).toBe('no index')
    await Promise.all([mine.close(), reading.close()])
  })

  it('are abandoned when a document can be drawn from its index, and opened anew when asked for', async () => {
    const name = 'seminar:ahead-5:user:u1:class'
    await store(name, 'stored before')
    const opens = countOpens()
    openAhead([name], 60_000)
    abandonAhead([name])
    const opened = await openPersistedDocOrAhead(name)
    expect(opens.get(name)).toBe(2)
    expect(opened.doc.getText('t').toString()).toBe('stored before')
    await opened.close()
  })
})
