import nodePath from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentTypeFor, resolveWebAssetPath } from './web-asset-path'

const root = '/opt/hamish/dist/web'

describe('resolveWebAssetPath', () => {
  it('serves index.html for the root and for folders', () => {
    expect(resolveWebAssetPath(root, '/')).toBe(`${root}/index.html`)
    expect(resolveWebAssetPath(root, '/docs/')).toBe(`${root}/docs/index.html`)
  })

  it('maps asset paths inside the root', () => {
    expect(resolveWebAssetPath(root, '/assets/index-Bx12.js')).toBe(`${root}/assets/index-Bx12.js`)
    expect(resolveWebAssetPath(root, '/fonts/noto-naskh-arabic-400.woff2')).toBe(
      `${root}/fonts/noto-naskh-arabic-400.woff2`,
    )
    expect(resolveWebAssetPath(`${root}/`, '/index.html')).toBe(`${root}/index.html`)
  })

  it('decodes percent-encoded names', () => {
    expect(resolveWebAssetPath(root, '/assets/%D9%87%D8%A7%D9%85%D8%B4.svg')).toBe(
      `${root}/assets/هامش.svg`,
    )
    expect(resolveWebAssetPath(root, '/a%20b.png')).toBe(`${root}/a b.png`)
  })

  it.each([
    ['a plain traversal', '/../secret.txt'],
    ['a deep traversal', '/assets/../../../etc/passwd'],
    ['an encoded traversal', '/%2e%2e/%2e%2e/etc/passwd'],
    ['an upper-case encoded traversal', '/%2E%2E/etc/passwd'],
    ['an encoded separator', '/..%2F..%2Fetc%2Fpasswd'],
    ['a doubled slash (absolute path)', '//etc/passwd'],
    ['an encoded absolute path', '/%2Fetc%2Fpasswd'],
    ['a backslash', '/..\\..\\windows\\win.ini'],
    ['an encoded backslash', '/..%5C..%5Cwindows%5Cwin.ini'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['an encoded drive letter', '/C%3A%5CWindows'],
    ['a NUL byte', '/index.html%00.png'],
    ['a dot segment', '/./index.html'],
    ['a malformed escape', '/%E0%A4%A'],
    ['a relative path', 'index.html'],
    ['an empty path', ''],
  ])('rejects %s', (_case, pathname) => {
    expect(resolveWebAssetPath(root, pathname)).toBeNull()
  })

  it('keeps Windows paths inside the root as well', () => {
    const windowsRoot = 'C:\\Program Files\\Hamish\\resources\\app.asar\\dist\\web'
    expect(resolveWebAssetPath(windowsRoot, '/assets/app.js', nodePath.win32)).toBe(
      `${windowsRoot}\\assets\\app.js`,
    )
    expect(resolveWebAssetPath(windowsRoot, '/C:/Windows/win.ini', nodePath.win32)).toBeNull()
    expect(resolveWebAssetPath(windowsRoot, '/..%5Csecret', nodePath.win32)).toBeNull()
    expect(resolveWebAssetPath(windowsRoot, '/%2e%2e/secret', nodePath.win32)).toBeNull()
  })

  it('never returns a path outside the root, whatever the input', () => {
    const tricky = ['/a/../../b', '/a/%2e%2e/%2e%2e/b', '/a%2f..%2f..%2fb', '/.../x', '/x/...']
    for (const pathname of tricky) {
      const resolved = resolveWebAssetPath(root, pathname)
      if (resolved !== null) expect(resolved.startsWith(`${root}/`)).toBe(true)
    }
  })
})

describe('contentTypeFor', () => {
  it('names the types the renderer build contains', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/r/assets/a.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('/r/f.woff2')).toBe('font/woff2')
    expect(contentTypeFor('/r/icon.svg')).toBe('image/svg+xml')
    expect(contentTypeFor('/r/unknown.bin')).toBe('application/octet-stream')
  })
})
