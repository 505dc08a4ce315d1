import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The Electron binary that electron's own index.js would return, or null when it is not
 * installed. Reads the same `path.txt` and `dist/` folder but never runs index.js, which would
 * start a download (and, offline, fail slowly or hang).
 */
export function electronExecutable(): string | null {
  let packageDir: string
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = path.join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] || path.join(packageDir, 'dist')
  const binary = path.join(distDir, readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

export function electronBinaryAvailable(): boolean {
  return electronExecutable() !== null
}

/**
 * How to launch the built app for a spec: the main bundle, no sandbox as root (Chromium will not
 * start it there), and a throwaway home so window placement and recent articles are the spec's
 * own rather than the machine user's (Electron's user-data folder lives under it everywhere).
 */
export function hamishLaunchOptions(packageRoot: string, home: string) {
  const args = [path.join(packageRoot, 'dist', 'electron', 'main.cjs')]
  if (process.getuid?.() === 0) args.unshift('--no-sandbox')
  return {
    executablePath: electronExecutable() ?? undefined,
    args,
    cwd: packageRoot,
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      APPDATA: path.join(home, 'AppData'),
    } as Record<string, string>,
  }
}
