/**
 * The renderer's origin. A privileged, standard custom scheme gives the app a real origin
 * (storage, CSP 'self', fetch) without exposing the disk the way `file://` would.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'hamish'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_START_URL = `${APP_ORIGIN}/index.html`

/**
 * Whether `url` belongs to the app. Compares scheme and host rather than `URL.origin`,
 * which the WHATWG parser reports as "null" for schemes it does not know as special.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  )
}
