import { isSeminarId } from './doc-names'

/**
 * The links a seminar is shared by. Secrets (the join code, the instructor token) travel in the
 * fragment, which browsers never send to a server, so they stay out of access logs and
 * Referer headers. The page that opens a link reads the fragment and talks to the link's origin.
 */

export interface JoinLink {
  /** The server's origin plus path prefix, ending in `/`, e.g. `http://192.168.1.20:4321/`. */
  server: string
  seminarId: string
  code: string
}

export interface InstructorLink {
  server: string
  seminarId: string
  token: string
}

export function joinLink(server: string, seminarId: string, code: string): string {
  return `${withSlash(server)}join/${encodeURIComponent(seminarId)}#code=${encodeURIComponent(code)}`
}

export function instructorLink(server: string, seminarId: string, token: string): string {
  return `${withSlash(server)}seminar/${encodeURIComponent(seminarId)}#token=${encodeURIComponent(token)}`
}

/** The parts of a join link; null for anything `joinLink` would not have built. */
export function parseJoinLink(link: string): JoinLink | null {
  const parsed = parseLink(link, 'join', 'code')
  return parsed && { server: parsed.server, seminarId: parsed.seminarId, code: parsed.secret }
}

export function parseInstructorLink(link: string): InstructorLink | null {
  const parsed = parseLink(link, 'seminar', 'token')
  return parsed && { server: parsed.server, seminarId: parsed.seminarId, token: parsed.secret }
}

function parseLink(
  link: string,
  segment: string,
  secretName: string,
): { server: string; seminarId: string; secret: string } | null {
  let url: URL
  try {
    url = new URL(link.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  const match = new RegExp(`^(.*/)${segment}/([^/]+)$`).exec(url.pathname)
  const secret = new URLSearchParams(url.hash.slice(1)).get(secretName)
  if (!match || !secret) return null
  const seminarId = decodeSegment(match[2] as string)
  if (seminarId === null || !isSeminarId(seminarId)) return null
  return { server: `${url.origin}${match[1]}`, seminarId, secret }
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

function withSlash(server: string): string {
  return server.endsWith('/') ? server : `${server}/`
}

/**
 * Where a browser that opened a link path (`…/join/<id>`, `…/seminar/<id>`) is sent: the app's
 * page with the seminar in the query, `../?join=<id>`. Relative, so a server behind a path
 * prefix works; the fragment with the secret survives the redirect (browsers keep it) and is
 * never sent. The app's files are addressed relative to its page, so it must load from there.
 */
export function linkLandingPath(pathname: string): string | null {
  const match = /\/(join|seminar)\/([^/]+)$/.exec(pathname)
  if (!match) return null
  const seminarId = decodeSegment(match[2] as string)
  if (seminarId === null || !isSeminarId(seminarId)) return null
  return `../?${match[1]}=${encodeURIComponent(seminarId)}`
}

/**
 * A link as the app sees it after that redirect: `…/?join=<id>#code=…` is the join link
 * `…/join/<id>#code=…`, and likewise for instructor links. Anything else comes back unchanged.
 */
export function canonicalLink(href: string): string {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return href
  }
  for (const segment of ['join', 'seminar']) {
    const seminarId = url.searchParams.get(segment)
    if (seminarId === null) continue
    url.searchParams.delete(segment)
    url.pathname = `${url.pathname.replace(/[^/]*$/, '')}${segment}/${encodeURIComponent(seminarId)}`
    return url.toString()
  }
  return href
}
