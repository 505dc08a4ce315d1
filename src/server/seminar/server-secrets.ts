import { randomBytes, timingSafeEqual, createHash } from 'node:crypto'
import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { errorCode } from '../error-code'
import { ExitCode, HamishError } from '../hamish-error'

export const TOKEN_SECRET_FILE_NAME = 'token-secret'
export const ADMIN_TOKEN_FILE_NAME = 'admin-token'

/** 256 bits: as long as HS256's output, as RFC 7518 asks of its key. */
const SECRET_BYTES = 32

export interface ServerSecrets {
  /** Signs and verifies member tokens (HS256). */
  tokenSecret: Uint8Array
  /** Lets a request from another machine create seminars (`Authorization: Bearer …`). */
  adminToken: string
}

/**
 * The server's two secrets, each in its own file in the data folder, readable by its owner only
 * (0600). Made on first start; kept afterwards, so tokens and the admin token outlive restarts.
 */
export async function loadServerSecrets(dataDir: string): Promise<ServerSecrets> {
  const tokenSecret = await loadSecret(join(dataDir, TOKEN_SECRET_FILE_NAME))
  const adminToken = await loadSecret(join(dataDir, ADMIN_TOKEN_FILE_NAME))
  return { tokenSecret: Buffer.from(tokenSecret, 'base64url'), adminToken }
}

/** Whether `given` is the admin token, in time that does not depend on where they differ. */
export function isAdminToken(given: string, adminToken: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(adminToken))
}

async function loadSecret(path: string): Promise<string> {
  const fresh = randomBytes(SECRET_BYTES).toString('base64url')
  try {
    // `wx`: created here or not at all, so two starts at once cannot each write their own.
    await writeFile(path, `${fresh}\n`, { mode: 0o600, flag: 'wx' })
    return fresh
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw secretError(path, 'cannot be written', error)
  }
  await keepPrivate(path)
  const stored = (
    await readFile(path, 'utf8').catch((error: unknown) => {
      throw secretError(path, 'cannot be read', error)
    })
  ).trim()
  if (!/^[A-Za-z0-9_-]{43,}$/.test(stored)) {
    throw secretError(path, 'is damaged (delete it to make a new one; issued tokens stop working)')
  }
  return stored
}

/** A secret someone made readable to others is made private again; Windows has no such modes. */
async function keepPrivate(path: string): Promise<void> {
  if (process.platform === 'win32') return
  const { mode } = await stat(path)
  if ((mode & 0o077) !== 0) await chmod(path, 0o600)
}

function secretError(path: string, problem: string, cause?: unknown): HamishError {
  return new HamishError(`the server secret "${path}" ${problem}.`, ExitCode.cannotCreate, {
    cause,
  })
}
