import type { Page } from '@playwright/test'
import { USER_DOC_NAME_PATTERN } from './stored-user-docs'

type Handler = ((event: Event) => void) | null
type HoldingWindow = Window & { releaseUserDocs?: () => void }

/**
 * Holds back the opening of the reading's own annotation documents, from the page's first
 * script until the returned function is called: the moments of a first visit to a large seminar
 * when the article is shown and the annotations are still being read, made as long as a test
 * needs. Every other database opens as usual.
 */
export async function holdUserDocs(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript((pattern) => {
    const userDoc = new RegExp(pattern, 'u')
    const open = IDBFactory.prototype.open
    const held: (() => void)[] = []
    let released = false
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      const openNow = () =>
        version === undefined ? open.call(this, name) : open.call(this, name, version)
      if (released || !userDoc.test(name)) return openNow()
      // The page sets its handlers on this stand-in now; the real request calls them once let go.
      const standIn: Record<string, Handler> = {}
      held.push(() => {
        const request = openNow()
        for (const type of ['success', 'error', 'upgradeneeded', 'blocked']) {
          request.addEventListener(type, (event) => standIn[`on${type}`]?.(event))
        }
      })
      return standIn as unknown as IDBOpenDBRequest
    }
    ;(window as HoldingWindow).releaseUserDocs = () => {
      released = true
      for (const openHeld of held.splice(0)) openHeld()
    }
  }, USER_DOC_NAME_PATTERN)
  return () => page.evaluate(() => (window as HoldingWindow).releaseUserDocs?.())
}
