import { z } from 'zod'
import { Role } from './role'

/**
 * The `user` field of every awareness state a seminar server relays. The server overwrites it
 * with the identity the connection authenticated as, so a client cannot appear as someone else;
 * `name` and `color` are what TipTap's collaboration caret reads.
 */
export const AWARENESS_USER_FIELD = 'user'

export const AwarenessUser = z.object({
  userId: z.string(),
  /** Empty for a student of an anonymous seminar: `alias` numbers them instead. */
  name: z.string(),
  alias: z.number().int().positive().optional(),
  role: Role,
  color: z.string(),
})
export type AwarenessUser = z.infer<typeof AwarenessUser>
