import type * as Y from 'yjs'
import { z } from 'zod'
import { Role } from './role'

/** `Map('members')` of `seminar:<sid>:roster`: userId → entry. Only the server writes it. */
export const ROSTER_MEMBERS_MAP = 'members'

export const RosterEntry = z.object({
  name: z.string(),
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
