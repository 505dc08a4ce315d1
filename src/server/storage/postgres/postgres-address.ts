/**
 * A PostgreSQL address as `--database` takes it: `postgres://user:password@host:port/database`
 * (or `postgresql://`). Parsed here so a typo is a usage error before anything is opened.
 */
export function parsePostgresUrl(value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError(
      'Give a PostgreSQL address such as postgres://hamish@db.example:5432/hamish.',
    )
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new TypeError('A PostgreSQL address starts with postgres:// or postgresql://.')
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    throw new TypeError('The PostgreSQL address names no host: postgres://user@HOST:5432/database.')
  }
  return url
}

/** The address without its password, for messages and logs. */
export function redactedAddress(url: URL): string {
  const shown = new URL(url.href)
  if (shown.password !== '') shown.password = '***'
  shown.search = ''
  return shown.href
}
