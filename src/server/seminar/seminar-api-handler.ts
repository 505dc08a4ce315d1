import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import { isSeminarId } from '../../core/seminar/doc-names'
import {
  CreateSeminarRequest,
  JoinSeminarRequest,
  SEMINAR_API_ROOT,
} from '../../core/seminar/seminar-api'
import { isUserId } from '../../core/seminar/user-id'
import { writeStderrLine } from '../cli-output'
import { isTrustedHostHeader } from '../host-check'
import { sendJson } from '../http-response'
import { ApiProblem } from './api-problem'
import { readJsonBody } from './json-body'
import { isAdminToken } from './server-secrets'
import type { SeminarService } from './seminar-service'

/** An article as JSON runs to a few MB; 25 MB leaves room for a book. */
export const MAX_CREATE_BODY_BYTES = 25 * 1024 * 1024
export const MAX_BODY_BYTES = 16 * 1024

export type SeminarApiHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => void

export function isSeminarApiPath(pathname: string): boolean {
  return pathname === SEMINAR_API_ROOT || pathname.startsWith(`${SEMINAR_API_ROOT}/`)
}

type Route =
  | { action: 'create' }
  | { action: 'join' | 'members' | 'join-code' | 'close'; seminarId: string }
  | { action: 'member'; seminarId: string; userId: string }

const ALLOWED: Record<Route['action'], string> = {
  create: 'POST',
  join: 'POST',
  members: 'GET',
  'join-code': 'POST',
  close: 'POST',
  member: 'DELETE',
}

/**
 * `/api/seminars…` (see `seminarApiPath`): bodies validated with the core schemas, answers in
 * JSON, every refusal `{ error: "<one sentence>" }` with the status that fits.
 */
export function createSeminarApiHandler(
  service: SeminarService,
  adminToken: string,
): SeminarApiHandler {
  const handle = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const route = routeOf(pathname)
    if (!route) throw new ApiProblem(404, `there is no API endpoint ${pathname}.`)
    const allowed = ALLOWED[route.action]
    if (req.method !== allowed) {
      throw new ApiProblem(405, `${req.method} is not allowed on ${pathname}: use ${allowed}.`, {
        Allow: allowed,
      })
    }
    switch (route.action) {
      case 'create': {
        authorizeCreate(req, adminToken)
        const body = parse(CreateSeminarRequest, await readJsonBody(req, MAX_CREATE_BODY_BYTES))
        sendJson(res, 201, await service.create(body))
        return
      }
      case 'join': {
        const body = parse(JoinSeminarRequest, await readJsonBody(req, MAX_BODY_BYTES))
        sendJson(res, 200, await service.join(route.seminarId, body, clientAddress(req)))
        return
      }
    }
    const { member, seminar } = await service.instructor(route.seminarId, bearerToken(req))
    switch (route.action) {
      case 'members':
        sendJson(res, 200, await service.members(seminar.id))
        return
      case 'join-code':
        sendJson(res, 200, await service.rotateJoinCode(seminar.id))
        return
      case 'close':
        sendJson(res, 200, await service.close(seminar))
        return
      case 'member':
        sendJson(res, 200, await service.revoke(seminar.id, member, route.userId))
        return
    }
  }

  return (req, res, pathname) => {
    handle(req, res, pathname).catch((error: unknown) => answerProblem(req, res, pathname, error))
  }
}

function routeOf(pathname: string): Route | null {
  const parts = pathname.slice(SEMINAR_API_ROOT.length).split('/').slice(1)
  if (parts.length === 0) return { action: 'create' }
  const [seminarId, action, userId, ...rest] = parts
  if (seminarId === undefined || !isSeminarId(seminarId) || rest.length > 0) return null
  if (action === 'members' && userId !== undefined) {
    return isUserId(userId) ? { action: 'member', seminarId, userId } : null
  }
  if (userId !== undefined) return null
  if (action === 'join' || action === 'members' || action === 'join-code' || action === 'close') {
    return { action, seminarId }
  }
  return null
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
  throw new ApiProblem(400, `${issue?.message ?? 'The request body is not valid.'}${where}`)
}

/**
 * Only the host creates seminars: a request from this computer, or one with the admin token. A
 * web page the host visits also sends from this computer, so a loopback request must name a
 * loopback host (no DNS rebinding) and come from no other site (Origin, Sec-Fetch-Site).
 */
function authorizeCreate(req: IncomingMessage, adminToken: string): void {
  const bearer = bearerToken(req)
  if (bearer !== null) {
    if (isAdminToken(bearer, adminToken)) return
    throw new ApiProblem(401, 'That is not the admin token of this server.', {
      'WWW-Authenticate': 'Bearer',
    })
  }
  const fromThisComputer =
    isLoopbackAddress(req.socket.remoteAddress) &&
    isTrustedHostHeader(req.headers.host, '127.0.0.1') &&
    !isCrossSite(req)
  if (!fromThisComputer) {
    throw new ApiProblem(
      403,
      'Only the computer running the server may create seminars, or a request with its admin token (Authorization: Bearer <admin token>).',
    )
  }
}

function isCrossSite(req: IncomingMessage): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true
  const origin = req.headers.origin
  if (origin === undefined) return false
  const host = req.headers.host ?? ''
  return origin !== `http://${host}` && origin !== `https://${host}`
}

function isLoopbackAddress(address: string | undefined): boolean {
  return address === '::1' || /^(?:::ffff:)?127\./.test(address ?? '')
}

function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return match?.[1] ?? null
}

/** The address wrong join codes are counted against. */
function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown'
}

function answerProblem(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  error: unknown,
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (error instanceof ApiProblem) {
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value)
    sendJson(res, error.status, { error: error.message })
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  writeStderrLine(`hamish: ${req.method} ${pathname} failed: ${message}`)
  sendJson(res, 500, { error: 'The server could not do this because of an internal error.' })
}
