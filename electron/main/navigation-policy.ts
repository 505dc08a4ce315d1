import { isAppUrl } from './app-origin'

/**
 * What to do when the page tries to go somewhere: stay (the app itself), offer to open the
 * link in the user's browser (http/https), or refuse (everything else: file:, javascript:,
 * custom handlers, other apps' schemes).
 */
export type NavigationDecision = 'allow-in-app' | 'ask-to-open-externally' | 'deny'

export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow-in-app'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'deny'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'deny'
  // Credentials in a link are a classic way to disguise where it really goes.
  if (parsed.username !== '' || parsed.password !== '') return 'deny'
  return 'ask-to-open-externally'
}
