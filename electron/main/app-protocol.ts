import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './app-origin'
import { securityHeaders } from './content-security-policy'
import { contentTypeFor, resolveWebAssetPath } from './web-asset-path'

/**
 * Must run before the app is ready. `standard` gives `app://hamish/` real origin semantics
 * (relative URLs, localStorage, IndexedDB for y-indexeddb), `secure` makes it a secure context,
 * `supportFetchAPI` and `corsEnabled` let module scripts, fonts and `fetch` load from it the way
 * they load over https; CSP is not bypassed.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ])
}

/** Serves the files of `webRoot`, and nothing outside it, as `app://hamish/…`. */
export function serveWebRoot(protocol: Pick<Protocol, 'handle'>, webRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithAsset(webRoot, request))
}

export async function respondWithAsset(
  webRoot: string,
  request: Pick<Request, 'method' | 'url'>,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plainResponse(405, 'Only GET and HEAD are served here.')
  }
  const url = new URL(request.url)
  if (url.host !== APP_HOST) return plainResponse(404, 'Not found.')
  const filePath = resolveWebAssetPath(webRoot, url.pathname)
  if (filePath === null) return plainResponse(400, 'Bad path.')

  let body: Buffer
  try {
    body = await readFile(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      return plainResponse(404, 'Not found.')
    }
    throw error
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: securityHeaders(contentTypeFor(filePath)),
  })
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') })
}
