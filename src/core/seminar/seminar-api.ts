import { z } from 'zod'
import { ArticleDocSchema } from '../article/article-doc'
import { isSeminarId } from './doc-names'
import { MemberName } from './member-name'
import { Role } from './role'
import { SeminarSettings } from './seminar-settings'
import { isUserId } from './user-id'

/**
 * The seminar HTTP API (JSON), shared by the server that answers it and the clients that call
 * it: paths, request bodies and responses. Every error answer is `ApiErrorBody`.
 */

export const SeminarId = z.string().refine(isSeminarId, 'That is not a seminar id.')
export const UserId = z.string().refine(isUserId, 'That is not a user id.')

export const MAX_SEMINAR_TITLE_CHARS = 200

export const SeminarTitle = z
  .string({ error: 'A seminar title must be text.' })
  .trim()
  .min(1, 'Give the seminar a title.')
  .max(
    MAX_SEMINAR_TITLE_CHARS,
    `A seminar title may be at most ${MAX_SEMINAR_TITLE_CHARS} characters long.`,
  )

/** `POST /api/seminars`: the host opens a seminar; without `article`, on the bundled one. */
export const CreateSeminarRequest = z.object({
  title: SeminarTitle,
  /** How the instructor appears to members; "Instructor" when not given. */
  instructorName: MemberName.optional(),
  article: ArticleDocSchema.optional(),
  settings: SeminarSettings.optional(),
})
export type CreateSeminarRequest = z.infer<typeof CreateSeminarRequest>

export const CreateSeminarResponse = z.object({
  seminarId: SeminarId,
  /** The instructor's member token: keep it like a password. */
  instructorToken: z.string().min(1),
  joinCode: z.string().min(1),
  /** Opens the seminar as its instructor (the token travels in the fragment, never to a server). */
  instructorUrl: z.url(),
  /** What students open to join (the code travels in the fragment). */
  joinUrl: z.url(),
})
export type CreateSeminarResponse = z.infer<typeof CreateSeminarResponse>

/** `POST /api/seminars/:id/join`. */
export const JoinSeminarRequest = z.object({
  code: z.string({ error: 'A join code must be text.' }).max(64, 'That join code is too long.'),
  name: MemberName,
})
export type JoinSeminarRequest = z.infer<typeof JoinSeminarRequest>

export const JoinSeminarResponse = z.object({
  userId: UserId,
  token: z.string().min(1),
  role: Role,
})
export type JoinSeminarResponse = z.infer<typeof JoinSeminarResponse>

export const MemberSummary = z.object({
  userId: UserId,
  name: z.string(),
  role: Role,
  /** ISO 8601. */
  joinedAt: z.string(),
  /** ISO 8601 when the instructor removed the member; null while they are a member. */
  revokedAt: z.string().nullable(),
})
export type MemberSummary = z.infer<typeof MemberSummary>

/** `GET /api/seminars/:id/members` (instructors). */
export const ListMembersResponse = z.object({ members: z.array(MemberSummary) })
export type ListMembersResponse = z.infer<typeof ListMembersResponse>

/** `POST /api/seminars/:id/join-code` (instructors): the old code stops working. */
export const RotateJoinCodeResponse = z.object({
  joinCode: z.string().min(1),
  joinUrl: z.url(),
})
export type RotateJoinCodeResponse = z.infer<typeof RotateJoinCodeResponse>

/** `DELETE /api/seminars/:id/members/:userId` (instructors). */
export const RevokeMemberResponse = z.object({ userId: UserId, revokedAt: z.string() })
export type RevokeMemberResponse = z.infer<typeof RevokeMemberResponse>

/** `POST /api/seminars/:id/close` (instructors): every document is read-only from then on. */
export const CloseSeminarResponse = z.object({ seminarId: SeminarId, closedAt: z.string() })
export type CloseSeminarResponse = z.infer<typeof CloseSeminarResponse>

export const ApiErrorBody = z.object({ error: z.string() })
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

export const SEMINAR_API_ROOT = '/api/seminars'

export const seminarApiPath = {
  create: () => SEMINAR_API_ROOT,
  join: (seminarId: string) => `${SEMINAR_API_ROOT}/${seminarId}/join`,
  members: (seminarId: string) => `${SEMINAR_API_ROOT}/${seminarId}/members`,
  member: (seminarId: string, userId: string) =>
    `${SEMINAR_API_ROOT}/${seminarId}/members/${userId}`,
  joinCode: (seminarId: string) => `${SEMINAR_API_ROOT}/${seminarId}/join-code`,
  close: (seminarId: string) => `${SEMINAR_API_ROOT}/${seminarId}/close`,
} as const

/** The WebSocket path of the sync server, on the same origin as the API. */
export const SYNC_PATH = '/sync'
