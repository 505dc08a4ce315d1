import type { ServerResponse } from 'node:http'

/**
 * Only Hamish's own files may run or load: no inline scripts, no other origins, no plugins, no
 * framing. Inline styles stay allowed because the editor positions menus and carets with style
 * attributes; `ws:`/`wss:` are for the collaboration socket, whatever host serves it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Other sites may not embed Hamish's responses (scripts, JSON) in their own pages.
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
}
