import type * as Y from 'yjs'
import { z } from 'zod'
import { Role } from './role'
import { SeminarSettings } from './seminar-settings'

/** `Map('members')` of `seminar:<sid>:roster`: userId → entry. Only the server writes it. */
export const ROSTER_MEMBERS_MAP = 'members'

export const RosterEntry = z.object({
  /** Empty for a student when the seminar hides students' names from their peers. */
  name: z.string(),
  /** The student's number in an anonymous seminar ("Student 3"), shown in place of the name. */
  alias: z.number().int().positive().optional(),
  role: Role,
  /** `#rrggbb`, from `memberColor`. */
  color: z.string(),
  /** ISO 8601. */
  joinedAt: z.string(),
})
export type RosterEntry = z.infer<typeof RosterEntry>

export function rosterMembers(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROSTER_MEMBERS_MAP)
}

/** The roster as read from its document, validated: entries that do not parse are left out. */
export function readRoster(doc: Y.Doc): Map<string, RosterEntry> {
  const roster = new Map<string, RosterEntry>()
  for (const [userId, value] of rosterMembers(doc)) {
    const entry = RosterEntry.safeParse(value)
    if (entry.success) roster.set(userId, entry.data)
  }
  return roster
}

/** `Map('seminar')` of the roster document: what every member may know of the seminar itself. */
export const ROSTER_SEMINAR_MAP = 'seminar'

export const SeminarInfo = z.object({
  title: z.string(),
  settings: SeminarSettings,
  /** ISO 8601 once the instructor closed the seminar (read-only from then on). */
  closedAt: z.string().nullable(),
})
export type SeminarInfo = z.infer<typeof SeminarInfo>

export function rosterSeminar(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROSTER_SEMINAR_MAP)
}

/** The seminar's title and settings as the roster holds them; null before the server wrote them. */
export function readSeminarInfo(doc: Y.Doc): SeminarInfo | null {
  const parsed = SeminarInfo.safeParse(Object.fromEntries(rosterSeminar(doc).entries()))
  return parsed.success ? parsed.data : null
}
