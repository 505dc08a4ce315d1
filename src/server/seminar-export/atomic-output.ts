import { randomBytes } from 'node:crypto'
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { errorCode } from '../error-code'
import { ExitCode, HamishError } from '../hamish-error'

/**
 * Writes `text` to `path` whole or not at all: into a temporary file beside it (same folder,
 * so the same file system) and then renamed over it, so a reader never sees half a file and a
 * failure leaves whatever was there before.
 */
export function writeFileAtomically(path: string, text: string): void {
  const target = resolve(path)
  const folder = dirname(target)
  if (!isFolder(folder)) {
    throw new HamishError(
      `cannot write "${target}": the folder "${folder}" does not exist.`,
      ExitCode.cannotCreate,
    )
  }
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: 0o600 })
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { force: true })
    const reason =
      errorCode(error) === 'EACCES' || errorCode(error) === 'EPERM'
        ? 'permission denied'
        : error instanceof Error
          ? error.message
          : String(error)
    throw new HamishError(`cannot write "${target}": ${reason}.`, ExitCode.cannotCreate, {
      cause: error,
    })
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
