import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { importArticle } from '../core/article'
import { readMyIndexes } from './first-screen-preview'
import type * as FirstScreenPreview from './first-screen-preview'
import { openLocalReading, type LockManagerLike } from './local-reading'

vi.mock('./first-screen-preview', async (importOriginal) => {
  const original = await importOriginal<typeof FirstScreenPreview>()
  return { ...original, readMyIndexes: vi.fn(original.readMyIndexes) }
})

const seed = readFileSync(
  new URL('../../resources/articles/defensive-diplomacy-iraq.ar.txt', import.meta.url),
  'utf8',
)
const article = importArticle(seed, { format: 'txt' })

/** Web Locks semantics in miniature: callbacks for one name run one after another. */
function memoryLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>()
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve()
      const run = previous.then(callback, callback)
      tails.set(
        name,
        run.catch(() => undefined),
      )
      return run
    },
  }
}

describe('a local reading', () => {
  it('is seeded on first open and found again, unchanged, on the next', async () => {
    const first = await openLocalReading(article)
    const blocks = first.fragment.length
    const seededAt = first.meta.seededAt
    expect(blocks).toBe(article.content.content?.length)
    await first.close()

    const again = await openLocalReading(article)
    expect(again.fragment.length).toBe(blocks)
    expect(again.meta.seededAt).toBe(seededAt)
    expect(again.meta.article.title).toBe(article.meta.title)
    await again.close()
  })

  it('is seeded once when two windows open a new article at the same time', async () => {
    const other = importArticle('Another article\n\nIts only paragraph.', { format: 'txt' })
    const locks = memoryLocks()
    const [a, b] = await Promise.all([
      openLocalReading(other, { locks }),
      openLocalReading(other, { locks }),
    ])
    expect(a.docName).toBe(b.docName)
    expect(a.fragment.length).toBe(other.content.content?.length)
    expect(b.fragment.length).toBe(other.content.content?.length)
    expect(b.meta.seededAt).toBe(a.meta.seededAt)
    await Promise.all([a.close(), b.close()])
  })

  it('reads an article already seeded without waiting for the seeding lock', async () => {
    const first = await openLocalReading(article)
    await first.close()
    // Another window holds the lock for as long as this test runs.
    const held: LockManagerLike = { request: () => new Promise(() => undefined) }
    const again = await openLocalReading(article, { locks: held })
    expect(again.fragment.length).toBe(article.content.content?.length)
    await again.close()
  })

  it('asks IndexedDB for the article before the reader’s own documents', async () => {
    const asked: string[] = []
    const open = indexedDB.open.bind(indexedDB)
    const spy = vi.spyOn(indexedDB, 'open').mockImplementation((name, version) => {
      asked.push(name)
      return open(name, version)
    })
    try {
      const reading = await openLocalReading(article, { readerId: 'reader-1' })
      expect(asked[0]).toBe(reading.docName)
      expect(asked.slice(1).every((name) => name.includes(':user:reader-1:'))).toBe(true)
      expect(asked.length).toBeGreaterThan(1)
      await reading.close()
    } finally {
      spy.mockRestore()
    }
  })

  it('reads the reader’s indexes for the text its first screen is to show', async () => {
    const read = vi.mocked(readMyIndexes)
    read.mockClear()
    const told = await openLocalReading(article, {
      readerId: 'reader-1',
      opensAt: { start: 0, end: 1_234 },
    })
    expect(read).toHaveBeenCalledWith(told.seminarId, 'reader-1', { start: 0, end: 1_234 })
    await told.close()
    // Not told: about two screens of an ordinary window.
    const untold = await openLocalReading(article, { readerId: 'reader-1' })
    expect(read).toHaveBeenLastCalledWith(untold.seminarId, 'reader-1', { start: 0, end: 4_000 })
    await untold.close()
  })

  it('keeps different articles in different local seminars', async () => {
    const one = await openLocalReading(importArticle('One\n\nFirst text.', { format: 'txt' }))
    const two = await openLocalReading(importArticle('Two\n\nSecond text.', { format: 'txt' }))
    expect(one.seminarId).not.toBe(two.seminarId)
    await Promise.all([one.close(), two.close()])
  })
})
