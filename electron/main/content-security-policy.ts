/**
 * The renderer's Content-Security-Policy. Scripts only from the app's own files (no eval,
 * no inline), inline styles allowed because TipTap and React set `style` attributes, and
 * connections to a seminar server on any computer over HTTP(S)/WebSocket.
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  // A seminar server is on whichever computer hosts it, named by the join link: its API over
  // HTTP(S) and its sync socket over WS(S). Only data flows there; nothing it sends can run.
  ['connect-src', "'self' http: https: ws: wss:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
]

export const CONTENT_SECURITY_POLICY = directives
  .map(([name, sources]) => `${name} ${sources}`)
  .join('; ')

/** Response headers for a document or asset served to the renderer. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  }
}
