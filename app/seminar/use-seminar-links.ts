import { useEffect, useState } from 'react'
import { membershipFromToken } from '../../src/core/seminar/membership'
import {
  canonicalLink,
  parseInstructorLink,
  parseJoinLink,
} from '../../src/core/seminar/seminar-links'
import { enterSeminar } from '../state/memberships'
import type { JoinPrefill } from './JoinSeminarDialog'

export type LinkOutcome =
  | { kind: 'none' }
  | { kind: 'join'; prefill: JoinPrefill }
  | { kind: 'signed-in' }
  | { kind: 'bad-instructor-link' }

/**
 * A page opened from a seminar link: a join link opens the join form filled in; an instructor
 * link signs in as the seminar's instructor at once. Either way the secret is then taken out of
 * the address bar (and history), so it is not shared by copying the address or left behind.
 */
export function useSeminarLinks(): [LinkOutcome, () => void] {
  const [outcome, setOutcome] = useState<LinkOutcome>(() => readLocation())
  useEffect(() => {
    if (outcome.kind === 'none') return
    const url = new URL(window.location.href)
    url.hash = ''
    url.search = ''
    window.history.replaceState(null, '', url.toString())
  }, [outcome])
  return [outcome, () => setOutcome({ kind: 'none' })]
}

function readLocation(): LinkOutcome {
  const href = canonicalLink(window.location.href)
  const join = parseJoinLink(href)
  if (join) return { kind: 'join', prefill: join }
  const instructor = parseInstructorLink(href)
  if (!instructor) return { kind: 'none' }
  const membership = membershipFromToken(instructor.server, instructor.token, new Date())
  if (!membership || membership.seminarId !== instructor.seminarId) {
    return { kind: 'bad-instructor-link' }
  }
  // Idempotent: React may run this initializer twice.
  enterSeminar(membership)
  return { kind: 'signed-in' }
}
