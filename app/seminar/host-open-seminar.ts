import { membershipFromToken } from '../../src/core/seminar/membership'
import { parseInstructorLink } from '../../src/core/seminar/seminar-links'
import { enterSeminar } from '../state/memberships'

/**
 * Opens a seminar this computer hosts in this window, as its instructor: the instructor link
 * carries the member token, so no join is needed. False when the link cannot be read.
 */
export function openHostedSeminar(instructorUrl: string): boolean {
  const link = parseInstructorLink(instructorUrl)
  const membership = link && membershipFromToken(link.server, link.token, new Date())
  if (!membership || membership.seminarId !== link?.seminarId) return false
  enterSeminar(membership)
  return true
}
