import type { Hocuspocus } from '@hocuspocus/server'
import { isDeepStrictEqual } from 'node:util'
import type * as Y from 'yjs'
import type { AwarenessUser } from '../../core/seminar/awareness-user'
import { docName } from '../../core/seminar/doc-names'
import { memberColor } from '../../core/seminar/member-color'
import {
  rosterMembers,
  rosterSeminar,
  type RosterEntry,
  type SeminarInfo,
} from '../../core/seminar/roster'
import type { RecordStorage } from '../storage/seminar-storage'
import type { MemberRecord, SeminarRecord } from './seminar-records'

/**
 * Students' numbers in an anonymous seminar: their order of joining, counting those since
 * removed, so a number never passes from one student to another.
 */
export function studentAliases(members: readonly MemberRecord[]): Map<string, number> {
  const students = members
    .filter((member) => member.role === 'student')
    .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || a.userId.localeCompare(b.userId))
  return new Map(students.map((student, index) => [student.userId, index + 1]))
}

/**
 * How a member appears to the other members. In a seminar anonymous to peers a student's name
 * never leaves the server through the roster or awareness: only their number does (instructors
 * learn names from the members API, which only they may call).
 */
export function publicIdentity(
  member: MemberRecord,
  seminar: Pick<SeminarRecord, 'settings'>,
  alias: number | undefined,
): Pick<AwarenessUser, 'name' | 'alias'> {
  if (member.role === 'student' && seminar.settings.anonymousToPeers && alias !== undefined) {
    return { name: '', alias }
  }
  return { name: member.name }
}

export function rosterEntryOf(
  member: MemberRecord,
  seminar: Pick<SeminarRecord, 'settings'>,
  alias: number | undefined,
): RosterEntry {
  return {
    ...publicIdentity(member, seminar, alias),
    role: member.role,
    color: memberColor(member.userId),
    joinedAt: member.joinedAt,
  }
}

function seminarInfoOf(seminar: SeminarRecord): SeminarInfo {
  return { title: seminar.title, settings: seminar.settings, closedAt: seminar.closedAt }
}

/**
 * Makes a roster document hold exactly the given members (the current ones; `everyone` also
 * counts removed members, for stable numbers) and the seminar's details, touching only what
 * differs.
 */
export function writeRoster(
  doc: Y.Doc,
  current: readonly MemberRecord[],
  seminar: SeminarRecord,
  everyone: readonly MemberRecord[] = current,
): void {
  const aliases = studentAliases(everyone)
  const roster = rosterMembers(doc)
  const entries = new Map(
    current.map((member) => [
      member.userId,
      rosterEntryOf(member, seminar, aliases.get(member.userId)),
    ]),
  )
  for (const userId of [...roster.keys()]) if (!entries.has(userId)) roster.delete(userId)
  for (const [userId, entry] of entries) {
    if (!isDeepStrictEqual(roster.get(userId), entry)) roster.set(userId, entry)
  }
  const info = rosterSeminar(doc)
  for (const [key, value] of Object.entries(seminarInfoOf(seminar))) {
    if (!isDeepStrictEqual(info.get(key), value)) info.set(key, value)
  }
}

/**
 * The roster document is a view of the members table that the server alone writes: after every
 * change to the members or the seminar it is brought in line with the table (through Hocuspocus,
 * so connected clients see it at once). Derived afresh each time, so a write that failed is
 * mended by the next.
 */
const MAX_ROUNDS = 3

/** Who is in and who was removed, as one comparable string. */
function membershipOf(members: readonly MemberRecord[]): string {
  return members
    .map((member) => `${member.userId}:${member.revokedAt ?? ''}:${member.name}`)
    .sort()
    .join('\n')
}

export class RosterProjection {
  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly records: RecordStorage,
  ) {}

  async sync(seminarId: string): Promise<void> {
    const connection = await this.hocuspocus.openDirectConnection(
      docName({ kind: 'roster', seminarId }),
    )
    try {
      // Two joins on two servers at once may each read the table before the other's row is
      // in: read it again after writing, and write again while it moved under us.
      let everyone = await this.records.members(seminarId)
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const seminar = await this.records.seminar(seminarId)
        if (!seminar) return
        const current = everyone.filter((member) => member.revokedAt === null)
        await connection.transact((doc) => writeRoster(doc, current, seminar, everyone))
        const again = await this.records.members(seminarId)
        if (membershipOf(again) === membershipOf(everyone)) return
        everyone = again
      }
    } finally {
      await connection.disconnect()
    }
  }
}
