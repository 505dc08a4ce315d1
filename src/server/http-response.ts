import type { ServerResponse } from 'node:http'

/** Sends JSON that is never cached: the API's answers change with the seminar. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendSerializedJson(res, status, JSON.stringify(body))
}

/** For JSON serialized once up front (the article: large, and the same for every request). */
export function sendSerializedJson(res: ServerResponse, status: number, json: string): void {
  send(res, status, 'application/json; charset=utf-8', json)
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', `${text}\n`)
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  // Node drops the body of a HEAD response by itself.
  res.end(body)
}
