import type { IncomingMessage } from 'node:http'
import { ApiProblem } from './api-problem'

/**
 * Reads a JSON request body of at most `maxBytes`. Only `application/json` is read: besides
 * being what the API speaks, a browser cannot send it to another origin without asking first
 * (CORS preflight), so a web page the host visits cannot post to this server behind their back.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    throw new ApiProblem(415, 'Send the request body as JSON, with Content-Type: application/json.')
  }
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes)

  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) throw tooLarge(maxBytes)
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    throw new ApiProblem(400, 'The request body is not valid JSON.')
  }
}

function tooLarge(maxBytes: number): ApiProblem {
  const limit =
    maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${maxBytes / 1024} KB`
  return new ApiProblem(413, `The request body is too large: the limit here is ${limit}.`, {
    Connection: 'close',
  })
}
