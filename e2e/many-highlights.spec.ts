import { expect, test } from '@playwright/test'
import { manyHighlightsFile } from './support/many-highlights'
import { serveForThisFile } from './support/serve-for-this-file'
import { ReaderPage } from './pages/reader-page'

/*
 * Issue 3 at scale: hundreds of highlights written at once all survive a reload that follows
 * straight after, and opening them draws the first screen first and the rest a slice at a
 * time, until every one of them is drawn.
 */

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const COUNT = 600

/** Records, before the app runs, in which DOM mutation batch each highlight id first appeared. */
function recordHighlightBatches(): void {
  const seen = new Map<string, number>()
  let batch = 0
  const note = (element: Element) => {
    const id = element.getAttribute('data-annotation-id')
    if (id !== null && element.closest('[data-testid="article"]') && !seen.has(id))
      seen.set(id, batch)
  }
  new MutationObserver((records) => {
    batch++
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue
        note(node)
        node.querySelectorAll('[data-annotation-id]').forEach(note)
      }
    }
  }).observe(document, { subtree: true, childList: true })
  ;(window as unknown as { highlightBatches: () => Record<string, number> }).highlightBatches =
    () => Object.fromEntries(seen)
}

test('keeps hundreds of imported highlights through an immediate reload, and draws them from the first screen out', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const { quotes, json } = manyHighlightsFile(COUNT)
  const dialog = await reader.openImportDialog()
  await reader.chooseImportFile(dialog, 'many.json', Buffer.from(json))
  await expect(dialog.getByTestId('import-report')).toContainText(
    `Annotations imported from \u2068many.json\u2069: ${COUNT}.`,
  )
  await page.keyboard.press('Escape')

  await page.addInitScript(recordHighlightBatches)
  // At once: none of the import may be lost to writes still queued when the page unloads.
  await page.reload()
  const distinct = () =>
    reader.article
      .locator('[data-annotation-id]')
      .evaluateAll(
        (elements) => new Set(elements.map((e) => e.getAttribute('data-annotation-id'))).size,
      )
  await expect.poll(distinct, { timeout: 30_000 }).toBe(COUNT)
  await expect(reader.highlightOf(quotes[0]!)).toHaveCount(1)
  await expect(reader.highlightOf(quotes.at(-1)!)).toHaveCount(1)

  const batches = await page.evaluate(() =>
    (window as unknown as { highlightBatches: () => Record<string, number> }).highlightBatches(),
  )
  const firstId = await reader.highlightOf(quotes[0]!).getAttribute('data-annotation-id')
  const lastId = await reader.highlightOf(quotes.at(-1)!).getAttribute('data-annotation-id')
  // Opened at the top: the first passage is on the first screen, the last one far below it.
  expect(batches[firstId!]).toBeLessThan(batches[lastId!]!)
  expect(new Set(Object.values(batches)).size).toBeGreaterThan(1)

  // Clicking a highlight drawn late still opens its card.
  await reader.highlightOf(quotes.at(-1)!).scrollIntoViewIfNeeded()
  await reader.highlightOf(quotes.at(-1)!).click()
  await expect(reader.highlightOf(quotes.at(-1)!)).toHaveClass(/hl-active/)
})
