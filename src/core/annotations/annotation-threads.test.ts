import { describe, expect, it } from 'vitest'
import type { Annotation } from './annotation'
import { groupThreads, indexThreads, regroupThreads } from './annotation-threads'
import { anchorOn } from './annotation-test-support'

function annotation(id: string, fields: Partial<Annotation> & { createdAt: string }): Annotation {
  return {
    id,
    kind: fields.replyTo === undefined ? 'comment' : 'reply',
    author: 'hanan',
    authorName: 'Hanan',
    color: 'yellow',
    body: id,
    tags: [],
    visibility: 'class',
    updatedAt: fields.createdAt,
    ...(fields.replyTo === undefined ? { anchor: anchorOn('نص') } : {}),
    ...fields,
  }
}

describe('groupThreads', () => {
  it('puts replies under their root, oldest first, and roots in reading order', () => {
    const later = annotation('later', { createdAt: '2026-01-01', anchor: anchorOn('ب', 50) })
    const earlier = annotation('earlier', { createdAt: '2026-01-05', anchor: anchorOn('أ', 10) })
    const second = annotation('r2', { createdAt: '2026-01-09', replyTo: 'earlier' })
    const first = annotation('r1', { createdAt: '2026-01-08', replyTo: 'earlier' })
    const grouping = groupThreads([later, second, earlier, first])
    expect(grouping.threads).toEqual([
      { root: earlier, replies: [first, second] },
      { root: later, replies: [] },
    ])
    expect(grouping.orphanedReplies).toEqual([])
  })

  it('joins a reply to a reply into its parent’s thread', () => {
    const root = annotation('root', { createdAt: '2026-01-01' })
    const reply = annotation('reply', { createdAt: '2026-01-02', replyTo: 'root' })
    const nested = annotation('nested', { createdAt: '2026-01-03', replyTo: 'reply' })
    expect(groupThreads([nested, reply, root]).threads).toEqual([
      { root, replies: [reply, nested] },
    ])
  })

  it('keeps replies whose thread is missing, grouped by the missing id, never dropping them', () => {
    const root = annotation('root', { createdAt: '2026-01-01' })
    const lost1 = annotation('lost1', { createdAt: '2026-01-04', replyTo: 'deleted' })
    const lost2 = annotation('lost2', { createdAt: '2026-01-02', replyTo: 'deleted' })
    const lostNested = annotation('lost3', { createdAt: '2026-01-05', replyTo: 'lost1' })
    const elsewhere = annotation('lost4', { createdAt: '2026-01-01', replyTo: 'private-one' })
    const grouping = groupThreads([root, lost1, lost2, lostNested, elsewhere])
    expect(grouping.threads).toEqual([{ root, replies: [] }])
    expect(grouping.orphanedReplies).toEqual([
      { missingId: 'private-one', replies: [elsewhere] },
      { missingId: 'deleted', replies: [lost2, lost1, lostNested] },
    ])
  })

  it('survives replies that point at each other in a circle', () => {
    const a = annotation('a', { createdAt: '2026-01-01', replyTo: 'b' })
    const b = annotation('b', { createdAt: '2026-01-02', replyTo: 'a' })
    const grouping = groupThreads([a, b])
    expect(grouping.threads).toEqual([])
    expect(grouping.orphanedReplies.flatMap((group) => group.replies)).toHaveLength(2)
  })

  it('lists roots without an anchor after anchored ones', () => {
    const anchored = annotation('anchored', { createdAt: '2026-01-09' })
    const unanchored = { ...annotation('loose', { createdAt: '2026-01-01' }), anchor: undefined }
    expect(groupThreads([unanchored, anchored]).threads.map((t) => t.root.id)).toEqual([
      'anchored',
      'loose',
    ])
  })
})

describe('regroupThreads', () => {
  const root = annotation('root', { createdAt: '2026-01-01' })
  const other = annotation('other', { createdAt: '2026-01-02', anchor: anchorOn('ب', 40) })
  const reply = annotation('reply', { createdAt: '2026-01-03', replyTo: 'root' })
  const lost = annotation('lost', { createdAt: '2026-01-04', replyTo: 'gone' })
  const all = [root, other, reply, lost]
  const previous = indexThreads(all)

  it('patches edits that move nothing, keeping untouched threads', () => {
    const edited = [root, other, { ...reply, body: 'edited' }, { ...lost, body: 'also' }]
    const next = regroupThreads(previous, edited)
    expect(next.grouping).toEqual(groupThreads(edited))
    expect(next.grouping.threads[1]).toBe(previous.grouping.threads[1])
  })

  it('groups afresh when an edit moves something', () => {
    const moved = [root, { ...other, anchor: anchorOn('ب', 0) }, reply, lost]
    expect(regroupThreads(previous, moved).grouping).toEqual(groupThreads(moved))
    const rethreaded = [root, other, { ...reply, replyTo: 'other' }, lost]
    expect(regroupThreads(previous, rethreaded).grouping).toEqual(groupThreads(rethreaded))
    const fewer = [root, other, reply]
    expect(regroupThreads(previous, fewer).grouping).toEqual(groupThreads(fewer))
  })
})
