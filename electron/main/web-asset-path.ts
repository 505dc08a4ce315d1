import nodePath from 'node:path'

type PathModule = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>

/**
 * Maps the path of an `app://hamish/…` request to a file inside `webRoot`, or null when the
 * request tries to leave it. `urlPathname` is the raw, still percent-encoded pathname.
 *
 * The URL parser already folds `..` segments, but an encoded separator (`..%2F..`) survives
 * it and only becomes a traversal after decoding, so the decoded segments are checked again
 * and the resolved path is confirmed to sit under the root. Segments with `:` are refused:
 * on Windows they name a drive (`C:`) or an alternate data stream, and no built asset has one.
 */
export function resolveWebAssetPath(
  webRoot: string,
  urlPathname: string,
  path: PathModule = nodePath,
): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPathname)
  } catch {
    return null
  }
  if (!decoded.startsWith('/')) return null
  if (decoded.includes('\\') || decoded.includes('\0')) return null

  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded
  const segments = relative.slice(1).split('/')
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || segment.includes(':')) return null
  }

  const root = path.resolve(webRoot)
  const filePath = path.resolve(root, ...segments)
  const fromRoot = path.relative(root, filePath)
  if (fromRoot === '' || fromRoot.startsWith(`..${path.sep}`) || fromRoot === '..') return null
  if (path.isAbsolute(fromRoot)) return null
  return filePath
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/** The Content-Type for a built asset; module scripts are refused by Chromium without one. */
export function contentTypeFor(filePath: string): string {
  return contentTypes[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}
