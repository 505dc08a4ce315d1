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

/**
 * Whether a page may have a permission: only the app's own pages, and only to reach seminar
 * servers. No camera, microphone, notifications, geolocation or anything else: the reader needs
 * none.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return SEMINAR_NETWORK_PERMISSIONS.has(permission) && isAppUrl(requestingUrl)
}
