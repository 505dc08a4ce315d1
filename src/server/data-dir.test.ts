import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prepareDataDir } from './data-dir'
import { ExitCode } from './hamish-error'

const dir = mkdtempSync(join(tmpdir(), 'hamish-data-dir-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('prepareDataDir', () => {
  it('creates a missing folder with its parents and returns its absolute path', async () => {
    const target = join(dir, 'a', 'b', 'hamish')
    expect(await prepareDataDir(target)).toBe(target)
    expect(existsSync(target)).toBe(true)
  })

  it('accepts a folder that already exists', async () => {
    expect(await prepareDataDir(dir)).toBe(dir)
  })

  it('refuses a path where a file is in the way', async () => {
    const file = join(dir, 'file')
    writeFileSync(file, '')
    for (const target of [file, join(file, 'below')]) {
      await expect(prepareDataDir(target)).rejects.toMatchObject({
        message: `cannot use "${target}" as the data folder: it (or a folder above it) is a file; pass --data with a folder.`,
        exitCode: ExitCode.cannotCreate,
      })
    }
  })

  it.skipIf(process.getuid?.() === 0)('refuses a folder it may not write to', async () => {
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    await expect(prepareDataDir(locked)).rejects.toMatchObject({
      message: `cannot use "${locked}" as the data folder: permission denied; pass --data with a folder you can write to.`,
      exitCode: ExitCode.cannotCreate,
    })
  })
})
