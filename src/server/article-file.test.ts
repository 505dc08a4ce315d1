import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readArticleFile } from './article-file'
import { ExitCode, HamishError } from './hamish-error'

const dir = mkdtempSync(join(tmpdir(), 'hamish-article-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

async function failure(path: string): Promise<HamishError> {
  const error: unknown = await readArticleFile(path).then(
    () => new Error(`expected "${path}" to be refused`),
    (refusal: unknown) => refusal,
  )
  if (!(error instanceof HamishError)) throw error
  return error
}

describe('readArticleFile', () => {
  it('reads UTF-8 text byte for byte and drops a byte-order mark', async () => {
    const text = 'الأَمْنُ الوطني ١٣ حزيران ٢٠٢٢م — Roddis 2020\n'
    const path = file('bom.md', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))
    expect(await readArticleFile(path)).toEqual({ fileName: 'bom.md', format: 'md', text })
  })

  it.each([
    ['a.txt', 'txt'],
    ['a.MD', 'md'],
    ['a.markdown', 'md'],
    ['a.html', 'html'],
    ['a.htm', 'html'],
  ])('reads %s as %s', async (name, format) => {
    expect((await readArticleFile(file(name, 'text'))).format).toBe(format)
  })

  it('refuses a missing file', async () => {
    const path = join(dir, 'missing.txt')
    const error = await failure(path)
    expect(error.message).toBe(`cannot import "${path}": there is no such file.`)
    expect(error.exitCode).toBe(ExitCode.noInput)
  })

  it('refuses a folder', async () => {
    const path = join(dir, 'folder.txt')
    mkdirSync(path)
    const error = await failure(path)
    expect(error.message).toBe(`cannot import "${path}": it is a folder, not a file.`)
    expect(error.exitCode).toBe(ExitCode.noInput)
  })

  it('refuses a file with NUL bytes as binary', async () => {
    const path = file('nul.txt', new Uint8Array([0x61, 0x00, 0x62]))
    const error = await failure(path)
    expect(error.message).toBe(`cannot import "${path}": it is a binary file, not UTF-8 text.`)
    expect(error.exitCode).toBe(ExitCode.dataError)
  })

  it('refuses a file that is not valid UTF-8', async () => {
    // "é" in Latin-1: a lone continuation-less lead byte in UTF-8.
    const path = file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]))
    expect((await failure(path)).message).toBe(
      `cannot import "${path}": it is a binary file, not UTF-8 text.`,
    )
  })

  it.each([
    ['empty.txt', ''],
    ['blank.md', ' \n\t\r\n'],
    ['bom-only.txt', '\ufeff'],
  ])('refuses %s as empty', async (name, content) => {
    const path = file(name, content)
    const error = await failure(path)
    expect(error.message).toBe(`cannot import "${path}": it is empty.`)
    expect(error.exitCode).toBe(ExitCode.dataError)
  })

  it('refuses a file over 20 MB before reading it', async () => {
    const path = file('huge.txt', '')
    // Sparse: the size is real to stat, but nothing is written to disk.
    truncateSync(path, 20 * 1024 * 1024 + 1)
    const error = await failure(path)
    expect(error.message).toBe(
      `cannot import "${path}": it is 20.0 MB, over the 20 MB limit for an article.`,
    )
    expect(error.exitCode).toBe(ExitCode.dataError)
  })

  it('accepts a file of exactly 20 MB as far as size goes', async () => {
    const path = file('limit.txt', '')
    truncateSync(path, 20 * 1024 * 1024)
    // All NUL bytes: refused, but for being binary, not for its size.
    expect((await failure(path)).message).toMatch(/binary/)
  })

  it.each(['paper.pdf', 'notes.docx', 'README'])(
    'refuses %s for its type, naming the supported ones',
    async (name) => {
      const path = file(name, 'plain text')
      const error = await failure(path)
      expect(error.message).toMatch(
        new RegExp(
          `^cannot import "${path.replace(/[.]/g, '\\.')}": .* not supported\\. Supported: \\.txt, \\.text, \\.md, \\.markdown, \\.mdown, \\.mkd, \\.html, \\.htm, \\.xhtml\\.$`,
        ),
      )
      expect(error.exitCode).toBe(ExitCode.dataError)
    },
  )

  it.skipIf(process.getuid?.() === 0)('refuses a file it may not read', async () => {
    const path = file('secret.txt', 'text')
    chmodSync(path, 0o000)
    const error = await failure(path)
    expect(error.message).toBe(`cannot import "${path}": permission denied: you may not read it.`)
    expect(error.exitCode).toBe(ExitCode.noInput)
  })

  it('gives every refusal as one line', async () => {
    const error = await failure(file('x.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00])))
    expect(error.message).not.toContain('\n')
  })
})
