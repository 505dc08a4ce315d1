import { z } from 'zod'

/** What a member of a seminar is: instructors own the article, students annotate it. */
export const Role = z.enum(['instructor', 'student'])
export type Role = z.infer<typeof Role>
