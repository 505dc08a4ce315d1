import { z } from 'zod'

/** Per-seminar choices of the instructor (issue 4, "Pedagogy"); both off unless asked for. */
export const SeminarSettings = z.object({
  /** A student sees classmates' annotations only after posting one of their own. */
  postBeforeSeeing: z.boolean().default(false),
  /** Students see classmates without names; instructors still see every name. */
  anonymousToPeers: z.boolean().default(false),
})
export type SeminarSettings = z.infer<typeof SeminarSettings>

/**
 * The sync server's refusal of a classmate's document to a student who has not posted yet, in
 * a "post before you see" seminar. Clients recognise it by this exact text, show why the class's
 * annotations are hidden, and ask again once the student has posted.
 */
export const POST_BEFORE_SEEING_REFUSAL =
  "Post an annotation of your own to see your classmates' annotations."
