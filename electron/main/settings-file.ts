import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import nodePath from 'node:path'
import type { z } from 'zod'

type Log = (message: string) => void

/**
 * A small JSON file of the shell's own (window placement, recent articles) in the user-data
 * folder. Reads and writes are synchronous: the files are a few hundred bytes, and a write
 * made while a window closes must land before the process exits.
 */
export class SettingsFile<T> {
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly log: Log = (message) => console.warn(message),
  ) {}

  /**
   * The stored value, or null when there is none yet or it cannot be used: a damaged or
   * hand-edited file is reported and ignored, never fatal, and is replaced on the next write.
   */
  read(): T | null {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log(`Hamish could not read ${this.path} (${describe(error)}); using defaults.`)
      }
      return null
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      this.log(`Hamish ignored ${this.path}: it is not JSON (${describe(error)}).`)
      return null
    }
    const parsed = this.schema.safeParse(json)
    if (!parsed.success) {
      this.log(`Hamish ignored ${this.path}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`)
      return null
    }
    return parsed.data
  }

  /**
   * Replaces the file in one rename, so it is the old or the new one, never half of either. A
   * failure is logged: forgetting a window size must not interrupt the reader.
   */
  write(value: T): void {
    const folder = nodePath.dirname(this.path)
    const temporary = nodePath.join(
      folder,
      `.${nodePath.basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`,
    )
    try {
      mkdirSync(folder, { recursive: true })
      writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' })
      renameSync(temporary, this.path)
    } catch (error) {
      this.log(`Hamish could not save ${this.path} (${describe(error)}).`)
      try {
        rmSync(temporary, { force: true })
      } catch {
        // The temporary file was never made (its folder is not one).
      }
    }
  }
}

function describe(error: unknown): string {
  return (
    (error as NodeJS.ErrnoException).code ??
    (error instanceof Error ? error.message : String(error))
  )
}
