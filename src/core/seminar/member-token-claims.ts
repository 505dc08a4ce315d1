import { z } from 'zod'
import { isSeminarId } from './doc-names'
import { Role } from './role'
import { isUserId } from './user-id'

/**
 * The claims of a member token (a signed JWT the server issues on join). The server checks
 * the signature, the expiry and the members table on every connection; a client may read the
 * claims (unverified) to show who it is signed in as.
 */
export const MemberTokenClaims = z.object({
  /** Seminar id. */
  sid: z.string().refine(isSeminarId, 'not a seminar id'),
  /** User id. */
  sub: z.string().refine(isUserId, 'not a user id'),
  role: Role,
  name: z.string(),
  /** Token id: the members table names the one token of each member that is valid. */
  jti: z.string().min(1),
  /** Issued at and expires at, in seconds since the epoch (JWT `iat`, `exp`). */
  iat: z.number().int(),
  exp: z.number().int(),
})
export type MemberTokenClaims = z.infer<typeof MemberTokenClaims>
