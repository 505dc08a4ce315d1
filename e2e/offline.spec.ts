import { expect, test, type Page } from '@playwright/test'
import { serveForThisFile } from './support/serve-for-this-file'
import { ReaderPage } from './pages/reader-page'

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } })

/** The app files the offline worker has kept, by name without their content hash. */
async function keptAssets(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open('hamish-app-v1')
    return (await cache.keys()).map((request) => new URL(request.url).pathname)
  })
}

test('reopens offline, and a dialog never opened online still opens', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  // The help dialog's code loads only when it opens; this visit has not opened it.
  await expect
    .poll(async () => (await keptAssets(page)).some((path) => path.includes('/HelpDialog-')), {
      timeout: 20_000,
    })
    .toBe(true)

  await page.context().setOffline(true)
  await page.reload()
  await reader.waitForArticle()
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(page.getByTestId('dialog-shortcuts')).toContainText('Highlight the selection')
})
