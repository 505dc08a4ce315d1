import type { Hocuspocus } from '@hocuspocus/server'
import { isDeepStrictEqual } from 'node:util'
import type * as Y from 'yjs'
import { docName } from '../../core/seminar/doc-names'
import { memberColor } from '../../core/seminar/member-color'
import { rosterMembers, type RosterEntry } from '../../core/seminar/roster'
import type { MemberRecord, SeminarRecords } from './seminar-records'

export function rosterEntryOf(member: MemberRecord): RosterEntry {
  return {
    name: member.name,
    role: member.role,
    color: memberColor(member.userId),
    joinedAt: member.joinedAt,
  }
}

/** Makes a roster map hold exactly the given members, touching only what differs. */
export function writeRoster(doc: Y.Doc, members: readonly MemberRecord[]): void {
  const roster = rosterMembers(doc)
  const current = new Map(members.map((member) => [member.userId, rosterEntryOf(member)]))
  for (const userId of [...roster.keys()]) if (!current.has(userId)) roster.delete(userId)
  for (const [userId, entry] of current) {
    if (!isDeepStrictEqual(roster.get(userId), entry)) roster.set(userId, entry)
  }
}

/**
 * The roster document is a view of the members table that the server alone writes: after every
 * change to the members it is brought in line with the table (through Hocuspocus, so connected
 * clients see it at once). Derived afresh each time, so a write that failed is mended by the next.
 */
export class RosterProjection {
  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly records: SeminarRecords,
  ) {}

  async sync(seminarId: string): Promise<void> {
    const members = this.records.members(seminarId).filter((member) => member.revokedAt === null)
    const connection = await this.hocuspocus.openDirectConnection(
      docName({ kind: 'roster', seminarId }),
    )
    try {
      await connection.transact((doc) => writeRoster(doc, members))
    } finally {
      await connection.disconnect()
    }
  }
}
