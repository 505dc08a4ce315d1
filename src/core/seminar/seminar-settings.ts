import { z } from 'zod'

/** Per-seminar choices of the instructor (issue 4, "Pedagogy"); both off unless asked for. */
export const SeminarSettings = z.object({
  /** A student sees classmates' annotations only after posting one of their own. */
  postBeforeSeeing: z.boolean().default(false),
  /** Students see classmates without names; instructors still see every name. */
  anonymousToPeers: z.boolean().default(false),
})
export type SeminarSettings = z.infer<typeof SeminarSettings>
