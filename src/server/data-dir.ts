import { constants } from 'node:fs'
import { access, mkdir, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { errorCode } from './error-code'
import { ExitCode, HamishError } from './hamish-error'

/**
 * Makes sure `dir` is a folder Hamish can keep its data in: created (with its parents) when
 * missing, and writable. Checked at start so that a wrong `--data` fails at once, not at the
 * first save. Resolves to the absolute path.
 */
export async function prepareDataDir(dir: string): Promise<string> {
  const absolute = resolve(dir)
  try {
    await mkdir(absolute, { recursive: true })
  } catch (error) {
    throw dataDirError(dir, error)
  }
  const stats = await stat(absolute)
  if (!stats.isDirectory()) throw notAFolder(dir)
  try {
    await access(absolute, constants.W_OK | constants.X_OK)
  } catch (error) {
    throw dataDirError(dir, error)
  }
  return absolute
}

function dataDirError(dir: string, error: unknown): HamishError {
  const code = errorCode(error)
  if (code === 'EEXIST' || code === 'ENOTDIR') return notAFolder(dir)
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'it is on a read-only disk'
        : `${code ?? 'unknown error'}`
  return new HamishError(
    `cannot use "${dir}" as the data folder: ${reason}; pass --data with a folder you can write to.`,
    ExitCode.cannotCreate,
    { cause: error },
  )
}

function notAFolder(dir: string): HamishError {
  return new HamishError(
    `cannot use "${dir}" as the data folder: it (or a folder above it) is a file; pass --data with a folder.`,
    ExitCode.cannotCreate,
  )
}
