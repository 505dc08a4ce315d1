import type { IncomingMessage, ServerResponse } from 'node:http'
import type { OpenedArticle } from '../core/platform'
import { sendJson, sendSerializedJson } from './http-response'
import { isSeminarApiPath } from './seminar/seminar-api-handler'

export interface ApiContext {
  article: OpenedArticle
  version: string
  /** Answers `/api/seminars…` when the server hosts seminars. */
  seminars?: ApiHandler
}

export interface HealthResponse {
  ok: true
  version: string
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => void

/** Whether a path belongs to the API rather than to the web app's files. */
export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/')
}

/**
 * The JSON API under `/api/`: `GET /api/article` (the `OpenedArticle` the server was started
 * with), `GET /api/health`, and the seminar API when there is one. Anything else under `/api/`
 * is a JSON 404, never the web app's index.html, so a client calling a wrong endpoint sees an
 * error rather than HTML.
 */
export function createApiHandler(context: ApiContext): ApiHandler {
  // Serialized once: the article is fixed for the server's lifetime and is the largest answer.
  const articleJson = JSON.stringify(context.article)
  const health: HealthResponse = { ok: true, version: context.version }

  return (req, res, pathname) => {
    if (context.seminars && isSeminarApiPath(pathname)) {
      context.seminars(req, res, pathname)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      sendJson(res, 405, { error: `${req.method} is not allowed on ${pathname}: use GET.` })
      return
    }
    switch (pathname) {
      case '/api/article':
        sendSerializedJson(res, 200, articleJson)
        return
      case '/api/health':
        sendJson(res, 200, health)
        return
      default:
        sendJson(res, 404, { error: `there is no API endpoint ${pathname}.` })
    }
  }
}
