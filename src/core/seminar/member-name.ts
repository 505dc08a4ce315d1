import { z } from 'zod'

export const MAX_MEMBER_NAME_CHARS = 80

/**
 * Control characters and line or paragraph separators break the one-line places a name is
 * shown; bidi embeddings, overrides and isolates would reorder the text around a name (a
 * name could make a comment appear to say something else). Joiners stay allowed: Persian and
 * Arabic names need them.
 */
const FORBIDDEN_IN_NAME = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u

/** A member's display name as typed: trimmed, NFC, 1 to 80 characters, one plain line. */
export const MemberName = z
  .string({ error: 'A name must be text.' })
  .trim()
  .normalize('NFC')
  .refine((name) => name.length > 0, { error: 'Enter a name: it cannot be empty.', abort: true })
  .refine((name) => [...name].length <= MAX_MEMBER_NAME_CHARS, {
    error: `A name may be at most ${MAX_MEMBER_NAME_CHARS} characters long.`,
    abort: true,
  })
  .refine((name) => !FORBIDDEN_IN_NAME.test(name), {
    error:
      'A name cannot contain control characters (such as tabs or line breaks) or invisible direction overrides.',
  })
export type MemberName = z.infer<typeof MemberName>
