import { z } from 'zod'
import { MemberTokenClaims } from './member-token-claims'
import { Role } from './role'
import { SeminarId, UserId } from './seminar-api'

/**
 * A seminar this device has joined: where its server is and the member token it was given.
 * Kept on the device (DESIGN.md "Roles"); the token is read, unverified, only to know who we
 * are — the server verifies it on every connection.
 */
export const SeminarMembership = z.object({
  /** The server's origin plus path prefix, ending in `/`. */
  server: z.url({ protocol: /^https?$/ }),
  seminarId: SeminarId,
  userId: UserId,
  role: Role,
  name: z.string(),
  token: z.string().min(1),
  /** When this device joined (ISO 8601), to list seminars newest first. */
  joinedAt: z.string(),
  /** The seminar's title once known (from its roster document). */
  title: z.string().optional(),
})
export type SeminarMembership = z.infer<typeof SeminarMembership>

/** The key a membership is stored and switched to by: one per seminar and server. */
export function membershipKey(membership: Pick<SeminarMembership, 'server' | 'seminarId'>): string {
  return `${membership.server}#${membership.seminarId}`
}

/** The claims of a member token, decoded without verifying it; null if it is not one. */
export function readMemberToken(token: string): MemberTokenClaims | null {
  const payload = token.split('.')[1]
  if (token.split('.').length !== 3 || !payload) return null
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    const parsed = MemberTokenClaims.safeParse(JSON.parse(new TextDecoder().decode(bytes)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** A membership from a token the server issued (on join, or in an instructor link). */
export function membershipFromToken(
  server: string,
  token: string,
  joinedAt: Date,
): SeminarMembership | null {
  const claims = readMemberToken(token)
  if (!claims) return null
  return {
    server: server.endsWith('/') ? server : `${server}/`,
    seminarId: claims.sid,
    userId: claims.sub,
    role: claims.role,
    name: claims.name,
    token,
    joinedAt: joinedAt.toISOString(),
  }
}
