import { chromium, type Browser, type BrowserContext } from '@playwright/test'
import { chromiumLaunchOptions } from '../../e2e/support/chromium'

/**
 * The same Chromium the end-to-end tests drive, with the garbage collector exposed to pages and
 * exact heap figures (`performance.memory` is otherwise rounded to blunt fingerprinting).
 */
export function launchBenchChromium(): Promise<Browser> {
  const options = chromiumLaunchOptions()
  return chromium.launch({
    ...options,
    args: [...(options.args ?? []), '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  })
}

/** A fresh profile (empty cache and IndexedDB) with the viewport and language of the e2e tests. */
export function freshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })
}
