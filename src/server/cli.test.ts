import { execFileSync, spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUNDLED_ARTICLE_FILE_NAME } from './bundled-article'
import { ExitCode } from './hamish-error'

/*
 * End to end: the real `hamish` command (bin/hamish.mjs running the esbuild bundle), as a
 * user's shell would run it.
 */

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = join(root, 'bin', 'hamish.mjs')
const seed = join(root, 'resources', 'articles', BUNDLED_ARTICLE_FILE_NAME)
const ARABIC_TITLE = 'الدبلوماسية الدفاعية وتأثيرها في الامن الوطني العراقي'
const temp = mkdtempSync(join(tmpdir(), 'hamish-cli-'))

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], { stdio: 'pipe' })
}, 120_000)

afterAll(() => rmSync(temp, { recursive: true, force: true }))

function hamish(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, HAMISH_DEBUG: '' },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(temp, name)
  writeFileSync(path, content)
  return path
}

describe('hamish import', () => {
  it('prints the article as JSON', () => {
    const { status, stdout, stderr } = hamish('import', seed)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const doc = JSON.parse(stdout)
    expect(doc.meta.title).toBe(ARABIC_TITLE)
    expect(doc.content.type).toBe('doc')
  })

  it('prints the article as Markdown with front matter and section headings', () => {
    const { status, stdout } = hamish('import', seed, '--format', 'md')
    expect(status).toBe(0)
    expect(stdout.startsWith(`---\ntitle: "${ARABIC_TITLE}"\n`)).toBe(true)
    expect(stdout).toMatch(/^# المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها$/m)
    expect(stdout).toMatch(/^## المطلب الاول: مفهوم الدبلوماسية الدفاعية$/m)
    expect(stdout).toContain('\n- ١-تمثيل والدفاع عن المصالح العسكرية والأمنية لبلاده.\n')
  })

  it('refuses a binary file with one line on stderr and a data-error exit code', () => {
    const path = tempFile('scan.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))
    const { status, stdout, stderr } = hamish('import', path)
    expect(stdout).toBe('')
    expect(stderr).toBe(`hamish: cannot import "${path}": it is a binary file, not UTF-8 text.\n`)
    expect(status).toBe(ExitCode.dataError)
  })

  it('refuses a missing file with one line on stderr and a no-input exit code', () => {
    const path = join(temp, 'nowhere.md')
    const { status, stdout, stderr } = hamish('import', path)
    expect(stdout).toBe('')
    expect(stderr).toBe(`hamish: cannot import "${path}": there is no such file.\n`)
    expect(status).toBe(ExitCode.noInput)
  })

  it('answers a usage mistake with one line and exit code 2', () => {
    for (const args of [['import'], ['import', seed, '--format', 'pdf'], ['frobnicate']]) {
      const { status, stderr } = hamish(...args)
      expect(stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(stderr).toMatch(/^hamish: .*See "hamish( import)? --help"\.\n$/)
      expect(status).toBe(ExitCode.usage)
    }
  })

  it('exits quietly when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [bin, 'import', seed], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // Like `head -c 1`: read a little, then close the pipe while the rest is still coming.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await exitOf(child)
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})

describe('hamish serve', () => {
  const webRoot = join(temp, 'web')

  beforeAll(() => {
    mkdirSync(webRoot)
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Hamish</title>')
  })

  it('serves the bundled article and the API, then exits cleanly on SIGTERM', async () => {
    const data = join(temp, 'data', 'not', 'yet', 'there')
    const server = startServe(['--port', '0', '--data', data, '--web-root', webRoot])
    const line = await server.firstLine
    const match = /^Hamish is serving "(.*)" at (http:\/\/127\.0\.0\.1:(\d+)\/)$/.exec(line)
    expect(match?.[1]).toBe(ARABIC_TITLE)
    const url = match?.[2] ?? ''
    expect(Number(match?.[3])).toBeGreaterThan(0)
    expect(existsSync(data)).toBe(true)

    const article = await fetch(`${url}api/article`)
    expect(article.status).toBe(200)
    expect(article.headers.get('content-security-policy')).toContain("default-src 'self'")
    const opened = (await article.json()) as {
      fileName: string
      article: { meta: { title: string } }
    }
    expect(opened.fileName).toBe(BUNDLED_ARTICLE_FILE_NAME)
    expect(opened.article.meta.title).toBe(ARABIC_TITLE)

    const health = await fetch(`${url}api/health`)
    expect(await health.json()).toEqual({ ok: true, version: expect.any(String) })
    expect((await fetch(`${url}api/x`)).status).toBe(404)
    expect(await (await fetch(`${url}some/route`)).text()).toContain('<title>Hamish</title>')

    server.child.kill('SIGTERM')
    expect(await exitOf(server.child)).toBe(0)
    expect(server.stderr()).toBe('')
  })

  it('serves the article it is given', async () => {
    const article = tempFile('notes.md', '# عنوان الورقة\n\nنص الورقة.\n')
    const server = startServe([
      '--port',
      '0',
      '--data',
      temp,
      '--web-root',
      webRoot,
      '--article',
      article,
    ])
    const line = await server.firstLine
    const url = /(http:\S+)$/.exec(line)?.[1] ?? ''
    const opened = (await (await fetch(`${url}api/article`)).json()) as { fileName: string }
    expect(opened.fileName).toBe('notes.md')
    server.child.kill('SIGINT')
    expect(await exitOf(server.child)).toBe(0)
  })

  it('refuses a bad --article at start, with one line', () => {
    const path = tempFile('movie.mp4', 'not really a movie')
    const { status, stdout, stderr } = hamish(
      'serve',
      '--port',
      '0',
      '--data',
      temp,
      '--article',
      path,
    )
    expect(stdout).toBe('')
    expect(stderr).toBe(
      `hamish: cannot import "${path}": ".mp4" files are not supported. Supported: .txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml.\n`,
    )
    expect(status).toBe(ExitCode.dataError)
  })

  it('says when the port is taken, with one line', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const result = spawnSync(
        process.execPath,
        [bin, 'serve', '--port', String(port), '--data', temp, '--web-root', webRoot],
        { encoding: 'utf8' },
      )
      expect(result.stderr).toBe(
        `hamish: port ${port} is already in use: pass --port with another number (or 0 for any free port).\n`,
      )
      expect(result.status).toBe(ExitCode.unavailable)
    } finally {
      blocker.close()
    }
  })

  it('refuses a malformed --database or --redis address, with one line', () => {
    const database = hamish('serve', '--port', '0', '--database', 'mysql://db/hamish')
    expect(database.stderr).toBe(
      `hamish: option '--database <url>' argument 'mysql://db/hamish' is invalid. A PostgreSQL address starts with postgres:// or postgresql://. See "hamish serve --help".\n`,
    )
    expect(database.status).toBe(ExitCode.usage)
    const redis = hamish('serve', '--port', '0', '--redis', 'redis://cache:port')
    expect(redis.stderr).toMatch(
      /^hamish: option '--redis <url>' argument .* is invalid\. Give a Redis address such as redis:\/\/cache\.example:6379\. See "hamish serve --help"\.\n$/,
    )
    expect(redis.status).toBe(ExitCode.usage)
    const alone = hamish('serve', '--port', '0', '--redis', 'redis://127.0.0.1:6379')
    expect(alone.stderr).toBe(
      'hamish: --redis passes changes between servers that share a database: pass --database too.\n',
    )
    expect(alone.status).toBe(ExitCode.usage)
  })

  it('says when the PostgreSQL database cannot be reached, with one line and no password', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const url = `postgres://hamish:secret@127.0.0.1:${port}/hamish`
    const { status, stdout, stderr } = hamish('serve', '--port', '0', '--database', url)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      `hamish: cannot reach the PostgreSQL database postgres://hamish:***@127.0.0.1:${port}/hamish (connect ECONNREFUSED 127.0.0.1:${port}): check --database, and that PostgreSQL is running and lets this user in.\n`,
    )
    expect(status).toBe(ExitCode.unavailable)
  })

  it('says when the web app is not built', () => {
    const empty = join(temp, 'empty-web')
    mkdirSync(empty)
    const { status, stderr } = hamish('serve', '--port', '0', '--data', temp, '--web-root', empty)
    expect(stderr).toBe(
      `hamish: the web app is not built (there is no index.html in "${empty}"): run \`npm run build\` first.\n`,
    )
    expect(status).toBe(ExitCode.noInput)
  })
})

describe('bin/hamish.mjs', () => {
  it('asks for a build when the CLI bundle is missing', () => {
    const install = join(temp, 'unbuilt')
    mkdirSync(join(install, 'bin'), { recursive: true })
    copyFileSync(bin, join(install, 'bin', 'hamish.mjs'))
    const result = spawnSync(
      process.execPath,
      [join(install, 'bin', 'hamish.mjs'), 'import', seed],
      {
        encoding: 'utf8',
      },
    )
    expect(result.stderr).toBe('hamish: the command is not built yet: run `npm run build` first.\n')
    expect(result.status).toBe(1)
  })

  const oldNode = '/usr/bin/node'
  const oldNodeVersion = existsSync(oldNode)
    ? spawnSync(oldNode, ['--version'], { encoding: 'utf8' }).stdout.trim()
    : ''
  it.skipIf(!/^v(?:1\d|2[01])\.|^v22\.(?:\d|1[01])\./.test(oldNodeVersion))(
    `names the Node.js version it needs when run by an older one (${oldNodeVersion || 'none here'})`,
    () => {
      const result = spawnSync(oldNode, [bin, '--version'], { encoding: 'utf8' })
      expect(result.stderr).toBe(
        `hamish: needs Node.js 22.13 or newer, but this is Node.js ${oldNodeVersion.slice(1)}; install a current Node.js from https://nodejs.org.\n`,
      )
      expect(result.status).toBe(1)
    },
  )
})

interface ServeProcess {
  child: ChildProcess
  /** The first line on stdout: the "Hamish is serving" line. */
  firstLine: Promise<string>
  stderr(): string
}

function startServe(args: string[]): ServeProcess {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const end = stdout.indexOf('\n')
      if (end !== -1) resolve(stdout.slice(0, end))
    })
    child.once('exit', (code) => reject(new Error(`hamish serve exited (${code}): ${stderr}`)))
  })
  return { child, firstLine, stderr: () => stderr }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}
