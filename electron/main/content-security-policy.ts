/**
 * The renderer's Content-Security-Policy. Scripts only from the app's own files (no eval,
 * no inline), inline styles allowed because TipTap and React set `style` attributes, and
 * connections to the local or remote sync server over HTTP(S)/WebSocket.
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self' ws: wss: http://127.0.0.1:* http://localhost:*"],
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
