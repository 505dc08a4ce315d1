import { describe, expect, it } from 'vitest'
import { sharedLiveChanges, type SeminarEvent, type SeminarEvents } from './seminar-events'

/** Events as a bus between servers would carry them: every subscriber hears every publish. */
function bus(): { events: () => SeminarEvents; published: SeminarEvent[] } {
  const handlers: Array<(event: SeminarEvent) => void> = []
  const published: SeminarEvent[] = []
  return {
    published,
    events: () => ({
      publish: async (event) => {
        published.push(event)
        for (const handle of handlers) handle(event)
      },
      subscribe: (handle) => handlers.push(handle),
    }),
  }
}

function recorder() {
  const calls: string[] = []
  return {
    calls,
    live: {
      disconnectMember: (seminarId: string, userId: string) =>
        calls.push(`disconnect ${seminarId} ${userId}`),
      makeReadOnly: (seminarId: string) => calls.push(`read-only ${seminarId}`),
    },
  }
}

describe('sharedLiveChanges', () => {
  it('applies a removal and a closing here at once and on every other server', async () => {
    const shared = bus()
    const here = recorder()
    const there = recorder()
    const local = sharedLiveChanges(here.live, shared.events())
    sharedLiveChanges(there.live, shared.events())

    local.disconnectMember('s1', 'u1')
    local.makeReadOnly('s2')
    await Promise.resolve()

    expect(shared.published).toEqual([
      { kind: 'member-removed', seminarId: 's1', userId: 'u1' },
      { kind: 'seminar-closed', seminarId: 's2' },
    ])
    expect(there.calls).toEqual(['disconnect s1 u1', 'read-only s2'])
    // Here: at once, then again on hearing its own notice (harmless: both are idempotent).
    expect(here.calls.slice(0, 1)).toEqual(['disconnect s1 u1'])
    expect(new Set(here.calls)).toEqual(new Set(['disconnect s1 u1', 'read-only s2']))
  })
})
