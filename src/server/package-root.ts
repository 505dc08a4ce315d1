import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { ExitCode, HamishError } from './hamish-error'

export interface HamishPackage {
  /** The folder holding Hamish's package.json: `resources/` and `dist/` sit under it. */
  root: string
  version: string
}

const PackageJsonSchema = z.object({ name: z.string(), version: z.string() })

/**
 * Finds the installed Hamish package by walking up from `start` (a file or folder) to the first
 * package.json named "hamish". Walking up rather than a fixed `../..` keeps this right both
 * from the sources (src/server/) and from the bundles (dist/server/, dist/electron/).
 */
export function findHamishPackage(start: string = thisModulePath()): HamishPackage {
  let dir = dirname(start)
  for (;;) {
    const found = readHamishPackageJson(join(dir, 'package.json'))
    if (found) return { root: dir, version: found.version }
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  throw new HamishError(
    `cannot find Hamish's own files: no package.json named "hamish" in any folder above "${start}"; reinstall Hamish.`,
    ExitCode.software,
  )
}

function readHamishPackageJson(path: string): z.infer<typeof PackageJsonSchema> | null {
  if (!existsSync(path)) return null
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    // Another package's broken package.json on the way up is not ours to report.
    return null
  }
  const parsed = PackageJsonSchema.safeParse(json)
  return parsed.success && parsed.data.name === 'hamish' ? parsed.data : null
}

function thisModulePath(): string {
  // esbuild empties `import.meta` in the CommonJS bundle of the Electron main process, where
  // `__filename` is defined instead.
  const url = (import.meta as { url?: string }).url
  return url ? fileURLToPath(url) : __filename
}
