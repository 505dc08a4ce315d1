import { expect, test, type Page } from '@playwright/test'
import { serveForThisFile } from './support/serve-for-this-file'
import { ARABIC_PASSAGE, ReaderPage } from './pages/reader-page'

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

type BreakingWindow = Window & { restoreWrites?: () => void }

/**
 * From now on, every IndexedDB write fails as on a full disk: the request errors and its
 * transaction is aborted. Returns the function that lets writes through again.
 */
async function breakWrites(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const add = IDBObjectStore.prototype.add
    IDBObjectStore.prototype.add = function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      const request = add.apply(this, args)
      this.transaction.abort()
      return request
    }
    ;(window as BreakingWindow).restoreWrites = () => {
      IDBObjectStore.prototype.add = add
    }
  })
  return () => page.evaluate(() => (window as BreakingWindow).restoreWrites?.())
}

/** Whether closing or reloading the window now would ask first. */
function closingAsks(page: Page): Promise<boolean> {
  return page.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })))
}

test('a comment IndexedDB would not store is said to be unsaved until a retry stores it, and is there after a reload', async ({
  page,
}) => {
  // A failed write was an unhandled rejection and nothing else.
  const uncaught: Error[] = []
  page.on('pageerror', (error) => uncaught.push(error))
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await page.getByTestId('tab-annotations').click()
  const list = page.getByTestId('annotation-list')
  await expect(list).toContainText('No annotations yet')

  const restoreWrites = await breakWrites(page)
  await reader.commentOn(ARABIC_PASSAGE, 'Written while the disk was full')
  await expect(reader.card('Written while the disk was full')).toBeVisible()
  const unsaved = page.getByTestId('unsaved-changes')
  await expect(unsaved).toHaveRole('alert')
  await expect(unsaved).toContainText(
    'Hamish could not save your latest changes on this device: the browser refused to store them',
  )
  await expect(unsaved).toContainText('They are still here in this window')
  expect(await closingAsks(page)).toBe(true)

  await reader.languageToggle.click()
  await expect(unsaved).toContainText('تعذّر على هامش حفظ تغييراتك الأخيرة على هذا الجهاز')
  await expect(unsaved.getByRole('button', { name: 'أعد المحاولة' })).toBeVisible()
  await reader.languageToggle.click()

  // Still refused: trying again leaves the warning where it is.
  const retry = unsaved.getByRole('button', { name: 'Try again' })
  await retry.click()
  await expect(retry).toBeEnabled()
  await expect(unsaved).toBeVisible()

  await restoreWrites()
  await retry.click()
  await expect(unsaved).toHaveCount(0)
  expect(await closingAsks(page)).toBe(false)
  expect(uncaught).toEqual([])

  await page.reload()
  await reader.waitForArticle()
  await expect(reader.highlightOf(ARABIC_PASSAGE)).toHaveCount(1)
  await page.getByTestId('tab-annotations').click()
  await expect(list).toContainText('Written while the disk was full')
})
