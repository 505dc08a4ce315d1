import { homedir } from 'node:os'
import { isAbsolute, posix, win32 } from 'node:path'

export interface AppDataDirContext {
  env: Readonly<Record<string, string | undefined>>
  platform: NodeJS.Platform
  home: string
}

/**
 * The operating system's per-user folder for Hamish's data (the seminars' SQLite file lives
 * there): `%APPDATA%\Hamish` on Windows, `~/Library/Application Support/Hamish` on macOS, and
 * `$XDG_DATA_HOME/hamish` or `~/.local/share/hamish` elsewhere, as the XDG spec asks.
 */
export function appDataDir(
  context: AppDataDirContext = { env: process.env, platform: process.platform, home: homedir() },
): string {
  const { env, platform, home } = context
  if (platform === 'win32') {
    return win32.join(env['APPDATA'] || win32.join(home, 'AppData', 'Roaming'), 'Hamish')
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Hamish')
  const xdgDataHome = env['XDG_DATA_HOME']
  // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
  const base =
    xdgDataHome && isAbsolute(xdgDataHome) ? xdgDataHome : posix.join(home, '.local', 'share')
  return posix.join(base, 'hamish')
}
