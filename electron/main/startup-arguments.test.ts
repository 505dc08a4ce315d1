import { describe, expect, it } from 'vitest'
import { startupArticlePath, userArguments } from './startup-arguments'

const files = new Set([
  '/home/r/paper.md',
  '/home/r/notes.txt',
  '/home/r/photo.png',
  '/home/r/أطروحة.html',
])
const context = (argvHasAppPath: boolean) => ({
  argvHasAppPath,
  cwd: '/home/r',
  isSupportedArticle: (name: string) => /\.(txt|md|markdown|html?)$/i.test(name),
  isFile: (path: string) => files.has(path),
})

describe('userArguments', () => {
  it('drops the executable of a packaged app', () => {
    expect(userArguments(['/opt/Hamish/hamish', 'paper.md'], false)).toEqual(['paper.md'])
  })

  it('drops switches before the app path in development', () => {
    expect(
      userArguments(
        [
          '/x/electron',
          '--inspect=0',
          '--remote-debugging-port=0',
          'dist/electron/main.cjs',
          'a.md',
        ],
        true,
      ),
    ).toEqual(['a.md'])
    expect(userArguments(['/x/electron', '.', '--article', 'a.md'], true)).toEqual([
      '--article',
      'a.md',
    ])
    expect(userArguments(['/x/electron', '--no-sandbox'], true)).toEqual([])
  })
})

describe('startupArticlePath', () => {
  it('opens the first existing supported file, resolved against the working directory', () => {
    expect(
      startupArticlePath(
        ['/opt/Hamish/hamish', 'photo.png', 'missing.md', 'paper.md', 'notes.txt'],
        context(false),
      ),
    ).toBe('/home/r/paper.md')
    expect(startupArticlePath(['/opt/Hamish/hamish', '/home/r/أطروحة.html'], context(false))).toBe(
      '/home/r/أطروحة.html',
    )
  })

  it('does not take the app path for an article in development', () => {
    expect(startupArticlePath(['/x/electron', '/home/r/paper.md'], context(true))).toBeNull()
    expect(startupArticlePath(['/x/electron', '.', 'notes.txt'], context(true))).toBe(
      '/home/r/notes.txt',
    )
  })

  it('prefers --article, even before checking the file exists, so a wrong path is reported', () => {
    expect(
      startupArticlePath(
        ['/opt/Hamish/hamish', 'paper.md', '--article', 'gone.md'],
        context(false),
      ),
    ).toBe('/home/r/gone.md')
    expect(startupArticlePath(['/opt/Hamish/hamish', '--article=/tmp/x.txt'], context(false))).toBe(
      '/tmp/x.txt',
    )
  })

  it('skips switches and returns null when nothing fits', () => {
    expect(
      startupArticlePath(['/opt/Hamish/hamish', '--enable-logging', '--lang=ar'], context(false)),
    ).toBeNull()
    expect(startupArticlePath(['/opt/Hamish/hamish'], context(false))).toBeNull()
    expect(startupArticlePath(['/opt/Hamish/hamish', '--article'], context(false))).toBeNull()
  })
})
