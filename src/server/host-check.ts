/**
 * Whether a request's Host header may be answered by a server listening on `listenHost`.
 *
 * A server bound to loopback is meant for this machine only, but a web page the user visits can
 * point its own domain at 127.0.0.1 (DNS rebinding) and then read the server's answers as
 * same-origin. Such a request still names the attacker's domain in Host, so a loopback server
 * answers only loopback names. A server bound to a network address is meant to be reached under
 * whatever name the LAN knows it by, so there every Host is accepted.
 */
export function isTrustedHostHeader(hostHeader: string | undefined, listenHost: string): boolean {
  if (!isLoopbackName(listenHost)) return true
  // HTTP/1.0 clients may omit Host; browsers, the only rebinding vector, always send it.
  if (hostHeader === undefined) return true
  return isLoopbackName(hostNameOf(hostHeader))
}

function hostNameOf(hostHeader: string): string {
  const lower = hostHeader.trim().toLowerCase()
  if (lower.startsWith('[')) {
    const end = lower.indexOf(']')
    return end === -1 ? lower.slice(1) : lower.slice(1, end)
  }
  return lower.split(':')[0] ?? ''
}

function isLoopbackName(host: string): boolean {
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  )
}
