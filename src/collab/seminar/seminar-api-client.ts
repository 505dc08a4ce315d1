import type { z } from 'zod'
import {
  ApiErrorBody,
  JoinSeminarResponse,
  ListMembersResponse,
  seminarApiPath,
} from '../../core/seminar/seminar-api'

/** Why a call to a seminar server failed, in terms a person can act on. */
export class SeminarApiError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'refused' | 'unexpected',
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'SeminarApiError'
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>

async function call<T>(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit,
  schema: z.ZodType<T>,
): Promise<T> {
  let response: Response
  try {
    response = await fetchImpl(url, init)
  } catch (error) {
    throw new SeminarApiError('unreachable', error instanceof Error ? error.message : String(error))
  }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // Not JSON: handled below as an unexpected answer.
  }
  if (!response.ok) {
    const problem = ApiErrorBody.safeParse(body)
    throw new SeminarApiError(
      problem.success ? 'refused' : 'unexpected',
      problem.success ? problem.data.error : `HTTP ${response.status}`,
      response.status,
    )
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new SeminarApiError(
      'unexpected',
      'The server answered with something that is not Hamish.',
    )
  }
  return parsed.data
}

/** `POST /api/seminars/:id/join`: the code and a name in, a member token out. */
export function joinSeminar(
  server: string,
  seminarId: string,
  request: { code: string; name: string },
  fetchImpl: Fetch = fetch,
): Promise<JoinSeminarResponse> {
  return call(
    fetchImpl,
    new URL(seminarApiPath.join(seminarId).slice(1), server).toString(),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    },
    JoinSeminarResponse,
  )
}

/** `GET /api/seminars/:id/members` (instructors): names even in a seminar anonymous to peers. */
export function listMembers(
  server: string,
  seminarId: string,
  token: string,
  fetchImpl: Fetch = fetch,
): Promise<ListMembersResponse> {
  return call(
    fetchImpl,
    new URL(seminarApiPath.members(seminarId).slice(1), server).toString(),
    { headers: { authorization: `Bearer ${token}` } },
    ListMembersResponse,
  )
}
