import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

/**
 * Which Chromium Playwright drives. `HAMISH_CHROMIUM` wins; else Debian's /usr/bin/chromium
 * when present (machines without Playwright's own download); else Playwright's bundled build
 * (`npx playwright install chromium`).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['HAMISH_CHROMIUM']
  if (fromEnv) return fromEnv
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  return undefined
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = chromiumExecutable()
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ]
  // Chromium refuses to start its sandbox as root (CI and containers run as root).
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  return executablePath ? { executablePath, args } : { args }
}
