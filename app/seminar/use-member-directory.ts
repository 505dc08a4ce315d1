import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listMembers } from '../../src/collab/seminar/seminar-api-client'
import type { SeminarReading } from '../../src/collab/seminar/seminar-reading'
import type { SeminarSession } from '../../src/collab/seminar/seminar-session'
import { AwarenessUser } from '../../src/core/seminar/awareness-user'
import {
  readRoster,
  readSeminarInfo,
  rosterMembers,
  rosterSeminar,
  type RosterEntry,
  type SeminarInfo,
} from '../../src/core/seminar/roster'

/** The awareness field where a member says which section of the article they are reading. */
export const READING_AT_FIELD = 'readingAt'

export interface MemberPresence {
  /** The heading of the section on their screen, when they said. */
  section: string | null
}

export interface MemberDirectory {
  roster: ReadonlyMap<string, RosterEntry>
  info: SeminarInfo | null
  /** Who is connected now, by user id. */
  online: ReadonlyMap<string, MemberPresence>
  /** A member's name as this reader may see it (a number in place of a hidden name). */
  nameOf(userId: string, fallback?: string): string
}

/**
 * The seminar's members as this reader sees them: the roster the server writes, presence from
 * the article's awareness, and — for instructors of a seminar anonymous to peers — the real
 * names from the members API, which only instructors may call.
 */
export function useMemberDirectory(
  reading: SeminarReading | null,
  session: SeminarSession | null,
): MemberDirectory | null {
  const { t } = useTranslation()
  const [roster, setRoster] = useState<ReadonlyMap<string, RosterEntry>>(new Map())
  const [info, setInfo] = useState<SeminarInfo | null>(null)
  const [online, setOnline] = useState<ReadonlyMap<string, MemberPresence>>(new Map())
  const [realNames, setRealNames] = useState<ReadonlyMap<string, string>>(new Map())

  useEffect(() => {
    if (!session) return
    const doc = session.roster.doc
    const read = () => {
      setRoster(readRoster(doc))
      setInfo(readSeminarInfo(doc))
    }
    read()
    rosterMembers(doc).observe(read)
    rosterSeminar(doc).observe(read)
    return () => {
      rosterMembers(doc).unobserve(read)
      rosterSeminar(doc).unobserve(read)
    }
  }, [session])

  useEffect(() => {
    const awareness = reading?.articleDoc.provider.awareness
    const me = reading?.connection.membership.userId
    if (!awareness) return
    const read = () => {
      const present = new Map<string, MemberPresence>()
      for (const state of awareness.getStates().values()) {
        const user = AwarenessUser.safeParse(state['user'])
        if (!user.success) continue
        const at = state[READING_AT_FIELD]
        present.set(user.data.userId, { section: typeof at === 'string' ? at : null })
      }
      // The server stamps the states it relays; this reader's own is not relayed back to it.
      const mine = awareness.getLocalState()?.[READING_AT_FIELD]
      if (me) present.set(me, { section: typeof mine === 'string' ? mine : null })
      setOnline(present)
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [reading])

  const membership = reading?.connection.membership
  const anonymous = info?.settings.anonymousToPeers === true
  useEffect(() => {
    if (!membership || membership.role !== 'instructor' || !anonymous) return
    let live = true
    listMembers(membership.server, membership.seminarId, membership.token).then(
      ({ members }) => live && setRealNames(new Map(members.map((m) => [m.userId, m.name]))),
      // Offline: numbers stay until the next roster change brings the names.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [membership, anonymous, roster])

  // Apart from presence: names must not change identity when someone scrolls or comes online,
  // or every annotation would be renamed (and the article's highlights recomputed) each time.
  const nameOf = useMemo(
    () =>
      (userId: string, fallback = '') => {
        const entry = roster.get(userId)
        const alias = entry?.alias
        const shown =
          entry?.name || (alias ? t('seminar_anonymousStudent', { n: alias }) : fallback)
        const real = realNames.get(userId)
        return real && real !== shown ? `${shown} · ${real}` : shown || fallback || userId
      },
    [roster, realNames, t],
  )
  return useMemo(
    () => (reading ? { roster, info, online, nameOf } : null),
    [reading, roster, info, online, nameOf],
  )
}
