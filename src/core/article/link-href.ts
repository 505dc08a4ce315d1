const SAFE_SCHEMES = new Set(['http', 'https', 'mailto'])

/**
 * The href to keep on a link, or null when the target must stay plain text: only absolute
 * http, https and mailto URLs (a relative link has no base to resolve against in an imported
 * article, and any other scheme, `javascript:` first of all, could run something).
 */
export function safeLinkHref(raw: string): string | null {
  const href = raw.trim()
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\s\u0000-\u001f\u007f]/u.test(href)) return null
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase()
  return scheme !== undefined && SAFE_SCHEMES.has(scheme) ? href : null
}
