import { isAppUrl } from './app-origin'

/**
 * Chromium's Local Network Access: a page needs permission to reach an address on the LAN or on
 * this computer. A seminar server is exactly that (the host's own one included, reached at its
 * LAN address), so the app's own pages get it; Chromium has called it by each of these names.
 */
const SEMINAR_NETWORK_PERMISSIONS: ReadonlySet<string> = new Set([
  'local-network-access',
  'local-network',
  'loopback-network',
])

/** The Copy buttons (a join link): writing plain text the user asked to copy, never reading. */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write'

/**
 * Whether a page may have a permission: only the app's own pages, and only to reach seminar
 * servers and to copy. No camera, microphone, notifications, geolocation, clipboard reading or
 * anything else: the reader needs none.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  const needed = SEMINAR_NETWORK_PERMISSIONS.has(permission) || permission === CLIPBOARD_WRITE
  return needed && isAppUrl(requestingUrl)
}
