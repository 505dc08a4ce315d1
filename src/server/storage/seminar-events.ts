import { z } from 'zod'

/**
 * What the API changes that must reach open connections on every server, not only on the one
 * that took the request: a removed member's sockets close, a closed seminar's turn read-only.
 */
export const SeminarEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member-removed'), seminarId: z.string(), userId: z.string() }),
  z.object({ kind: z.literal('seminar-closed'), seminarId: z.string() }),
])
export type SeminarEvent = z.infer<typeof SeminarEvent>

export interface SeminarEvents {
  /** Tells the other servers; this server applies the change itself, at once. */
  publish(event: SeminarEvent): Promise<void>
  /** Calls `handle` for each event another server (or this one) publishes. */
  subscribe(handle: (event: SeminarEvent) => void): void
}

/** One server alone on its store: there is no one else to tell. */
export const localSeminarEvents: SeminarEvents = {
  publish: () => Promise.resolve(),
  subscribe: () => {},
}

/** The part of `LiveSeminars` the API drives. */
export interface LiveChanges {
  disconnectMember(seminarId: string, userId: string): void
  makeReadOnly(seminarId: string): void
}

/**
 * Applies live changes here at once and publishes them, and applies the ones other servers
 * publish. Applying one twice (this server hears its own) is harmless: both are idempotent.
 */
export function sharedLiveChanges(live: LiveChanges, events: SeminarEvents): LiveChanges {
  events.subscribe((event) => {
    if (event.kind === 'member-removed') live.disconnectMember(event.seminarId, event.userId)
    else live.makeReadOnly(event.seminarId)
  })
  const publish = (event: SeminarEvent) => {
    // A lost notice only delays the effect on other servers until each connection's next
    // check (a reconnect re-reads the members table), so it is reported, not thrown.
    events.publish(event).catch((error: unknown) => {
      process.stderr.write(`hamish: could not tell the other servers: ${String(error)}\n`)
    })
  }
  return {
    disconnectMember(seminarId, userId) {
      live.disconnectMember(seminarId, userId)
      publish({ kind: 'member-removed', seminarId, userId })
    },
    makeReadOnly(seminarId) {
      live.makeReadOnly(seminarId)
      publish({ kind: 'seminar-closed', seminarId })
    },
  }
}
