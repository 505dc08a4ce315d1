import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ADMIN_TOKEN_FILE_NAME,
  TOKEN_SECRET_FILE_NAME,
  isAdminToken,
  loadServerSecrets,
} from './server-secrets'

const dirs: string[] = []

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hamish-secrets-'))
  dirs.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const posix = process.platform !== 'win32'

describe('loadServerSecrets', () => {
  it('makes both secrets on first start and keeps them afterwards', async () => {
    const dir = freshDir()
    const first = await loadServerSecrets(dir)
    expect(first.tokenSecret.length).toBe(32)
    expect(first.adminToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(readFileSync(join(dir, ADMIN_TOKEN_FILE_NAME), 'utf8')).toBe(`${first.adminToken}\n`)
    const second = await loadServerSecrets(dir)
    expect(second).toEqual(first)
  })

  it.skipIf(!posix)('keeps the files readable by their owner only', async () => {
    const dir = freshDir()
    await loadServerSecrets(dir)
    for (const name of [TOKEN_SECRET_FILE_NAME, ADMIN_TOKEN_FILE_NAME]) {
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600)
    }
    chmodSync(join(dir, ADMIN_TOKEN_FILE_NAME), 0o644)
    await loadServerSecrets(dir)
    expect(statSync(join(dir, ADMIN_TOKEN_FILE_NAME)).mode & 0o777).toBe(0o600)
  })

  it('refuses a damaged secret rather than signing with it', async () => {
    const dir = freshDir()
    writeFileSync(join(dir, TOKEN_SECRET_FILE_NAME), 'short\n', { mode: 0o600 })
    await expect(loadServerSecrets(dir)).rejects.toThrow(
      `the server secret "${join(dir, TOKEN_SECRET_FILE_NAME)}" is damaged`,
    )
  })
})

describe('isAdminToken', () => {
  it('accepts only the exact token', () => {
    expect(isAdminToken('abc', 'abc')).toBe(true)
    expect(isAdminToken('abd', 'abc')).toBe(false)
    expect(isAdminToken('abc ', 'abc')).toBe(false)
    expect(isAdminToken('', 'abc')).toBe(false)
  })
})
