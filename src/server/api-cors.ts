import type { IncomingMessage, ServerResponse } from 'node:http'
import { SEMINAR_API_ROOT } from '../core/seminar/seminar-api'

/**
 * Cross-origin access to the API, for a student's desktop app (origin `app://hamish`) or a
 * browser page served by another Hamish, reaching a seminar server on another computer.
 *
 * The endpoints of one seminar (`/api/seminars/<id>/…`) authenticate with what the request
 * carries (a join code, a member token in `Authorization`), never with cookies or the caller's
 * address, so any origin may read their answers: `Access-Control-Allow-Origin: *`, which browsers
 * never combine with credentials. Creating a seminar is different: it trusts a request from this
 * computer, and a web page the host visits also sends from this computer, so `POST /api/seminars`
 * gets no CORS headers and its preflight is refused, and the browser keeps other sites out. The
 * rest of the API (`/api/article`, `/api/health`) is for the page the server serves itself: the
 * article may be a private file, and no other site should read it off a loopback server.
 */
export function isCrossOriginReadable(pathname: string): boolean {
  return pathname.startsWith(`${SEMINAR_API_ROOT}/`) && pathname !== `${SEMINAR_API_ROOT}/`
}

export const CORS_ALLOWED_METHODS = 'GET, POST, DELETE'
/** `Authorization` must be named: the `*` wildcard never covers it. */
export const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type'
/** How long a browser may reuse a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600

/**
 * Adds the CORS headers an API answer needs, and answers a preflight (`OPTIONS`) itself.
 * Returns true when the request has been answered.
 */
export function answerCors(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (!isCrossOriginReadable(pathname)) return false
  res.setHeader('Access-Control-Allow-Origin', '*')
  if (req.method !== 'OPTIONS') return false
  res.writeHead(204, {
    'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
    'Cache-Control': 'no-store',
  })
  res.end()
  return true
}
