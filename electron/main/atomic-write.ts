import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import nodePath from 'node:path'

/**
 * Writes `text` (or bytes, as they are) to `targetPath` so that the file is either the old one or the complete new
 * one, never half-written: the text goes to a temporary file in the same folder (same file
 * system, so the rename is atomic) which then replaces the target.
 */
export async function writeTextFileAtomically(
  targetPath: string,
  text: string | Uint8Array,
): Promise<void> {
  const folder = nodePath.dirname(targetPath)
  const temporary = nodePath.join(
    folder,
    `.${nodePath.basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' })
    await rename(temporary, targetPath)
  } catch (error) {
    await rm(temporary, { force: true })
    throw new Error(saveFailureMessage(targetPath, error), { cause: error })
  }
}

export function saveFailureMessage(targetPath: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const name = nodePath.basename(targetPath)
  const folder = nodePath.dirname(targetPath)
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Could not save "${name}": Hamish may not write to ${folder}. Choose another folder.`
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not save "${name}": the disk holding ${folder} is full. Free some space or choose another disk.`
    case 'ENOENT':
      return `Could not save "${name}": the folder ${folder} no longer exists. Choose another folder.`
    case 'EROFS':
      return `Could not save "${name}": ${folder} is read-only. Choose another folder.`
    case 'EISDIR':
      return `Could not save "${name}": a folder with that name already exists there. Choose another name.`
    default:
      return `Could not save "${name}" in ${folder} (${code ?? String(error)}). Try again or choose another folder.`
  }
}
