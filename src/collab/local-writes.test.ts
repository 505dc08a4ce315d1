import { describe, expect, it } from 'vitest'
import { describeWriteFailure, LocalWrites, type UnsavedDoc } from './local-writes'

describe('local writes', () => {
  it('tells a full disk from other refusals, in the browser’s words or lib0’s', () => {
    expect(describeWriteFailure(new DOMException('Quota reached.', 'QuotaExceededError'))).toEqual({
      kind: 'full',
      detail: 'Quota reached.',
    })
    // lib0 rejects a failed request with `new Error(domException)`.
    const wrapped = new Error(String(new DOMException('Quota reached.', 'QuotaExceededError')))
    expect(describeWriteFailure(wrapped).kind).toBe('full')
    expect(describeWriteFailure(new DOMException('', 'AbortError'))).toEqual({
      kind: 'refused',
      detail: 'AbortError',
    })
  })

  it('describes the latest failure, lists every unsaved document, and clears once all are saved', () => {
    const writes = new LocalWrites({ retryEveryMs: 60_000 })
    const doc = (name: string): UnsavedDoc => ({ name, rewrite: () => Promise.resolve() })
    const [article, notes] = [doc('article'), doc('notes')]
    let told = 0
    writes.subscribe(() => told++)
    writes.failed(article, new DOMException('full', 'QuotaExceededError'))
    writes.failed(notes, new DOMException('refused', 'UnknownError'))
    expect(writes.problem()).toEqual({
      kind: 'refused',
      detail: 'refused',
      docNames: ['article', 'notes'],
    })
    writes.saved(notes)
    expect(writes.problem()).toMatchObject({ kind: 'full', docNames: ['article'] })
    writes.saved(notes)
    writes.saved(article)
    expect(writes.problem()).toBeNull()
    expect(told).toBe(4)
  })
})
