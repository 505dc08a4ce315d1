import { expect, test, type Page } from '@playwright/test'
import { annotationEntries, entryFields } from '../src/core/annotations/annotation-entry'
import { firstScreenText } from '../src/core/article/first-screen-text'
import { ReaderPage } from './pages/reader-page'
import { serveForThisFile } from './support/serve-for-this-file'
import { appendChange, storedDocHolding } from './support/stored-user-docs'

/*
 * Reopening the article draws the first screen from the first-screen index kept beside each of
 * the reader's documents, before the documents themselves are read; an index that no longer
 * describes what is stored (another window wrote since) is not used.
 */

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

/** In the abstract, on the first screen. */
const ON_THE_FIRST_SCREEN = 'الدبلوماسية الدفاعية'
const FIRST_SCREEN_MARK = 'hamish:first-screen-from-index'

async function drawnFromIndex(page: Page): Promise<boolean> {
  return page.evaluate(
    (mark) => performance.getEntriesByName(mark, 'mark').length > 0,
    FIRST_SCREEN_MARK,
  )
}

/**
 * Whether the reader's class document is stored as one whole state with its first-screen index
 * (written once the reader pauses).
 */
async function classIndexWritten(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const request = <T>(made: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        made.onsuccess = () => resolve(made.result)
        made.onerror = () => reject(made.error)
      })
    const name = (await indexedDB.databases()).find((db) => db.name?.endsWith(':class'))?.name
    if (!name) return false
    const db = await request(indexedDB.open(name))
    const transaction = db.transaction(['updates', 'custom'])
    const keys = await request(transaction.objectStore('updates').getAllKeys())
    const head = (await request(transaction.objectStore('custom').get('first-screen-index'))) as
      { entryKey?: unknown } | undefined
    db.close()
    return keys.length === 1 && head?.entryKey === keys[0]
  })
}

/** Reloads once the documents have been read (the first screen's drawing, if any, is over). */
async function reopen(page: Page, reader: ReaderPage): Promise<void> {
  await page.reload()
  await reader.waitForArticle()
  await expect(page.getByTestId('annotation-list')).not.toContainText('Opening your annotations')
}

test('a reopened article draws its first screen from the index, the same as from the documents', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn(ON_THE_FIRST_SCREEN, 'drawn from the index')
  const card = reader.card('drawn from the index')
  const id = (await card.getAttribute('data-annotation-id'))!
  await reader.replyTo('drawn from the index', 'its reply')
  await expect(card).toContainText('its reply')
  await page.getByTestId('tab-annotations').click()
  await expect.poll(() => classIndexWritten(page)).toBe(true)

  await reopen(page, reader)
  expect(await drawnFromIndex(page)).toBe(true)
  await expect(reader.highlight(id)).toHaveCount(1)
  await expect(reader.card('drawn from the index')).toContainText('its reply')
  await expect(page.getByTestId('annotation-list')).toContainText('drawn from the index')

  // Another window's change: the index describes the store no longer, so it is not used.
  const stored = await storedDocHolding(page, id)
  const entry = entryFields(annotationEntries(stored.doc).get(id))
  await appendChange(page, stored, (doc) =>
    annotationEntries(doc).set(id, JSON.stringify({ ...entry, body: 'changed in another window' })),
  )
  await reopen(page, reader)
  expect(await drawnFromIndex(page)).toBe(false)
  await expect(reader.card('changed in another window')).toContainText('its reply')
  await expect(reader.card('drawn from the index')).toHaveCount(0)
})

/**
 * The article's text from its top to the bottom of the screen, counted as the indexes count it
 * (blocks joined by blank lines): what the first screen needs of them.
 */
async function textOnFirstScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="article"]')
    if (!root) throw new Error('no article')
    const box = root.getBoundingClientRect()
    let bottom = Math.min(box.bottom, window.innerHeight)
    for (let element = root.parentElement; element; element = element.parentElement) {
      if (getComputedStyle(element).overflowY !== 'visible') {
        bottom = Math.min(bottom, element.getBoundingClientRect().bottom)
      }
    }
    const caret = document.caretRangeFromPoint(box.left + box.width / 2, bottom - 1)
    if (!caret) throw new Error('nothing under the bottom of the screen')
    const blocks = new Set<Element>()
    let length = 0
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const block = node.parentElement?.closest('p, h1, h2, h3, h4, h5, h6, pre, li')
      if (block) blocks.add(block)
      if (node === caret.startContainer) return length + caret.startOffset + 2 * blocks.size
      length += node.textContent?.length ?? 0
    }
    throw new Error('the bottom of the screen is not in the article’s text')
  })
}

for (const { width, height, fontScale } of [
  { width: 1400, height: 900, fontScale: 100 },
  { width: 1920, height: 1200, fontScale: 80 },
  { width: 1280, height: 720, fontScale: 160 },
]) {
  test(`the indexes are read for the text a ${width}×${height} window shows at ${fontScale} % text size`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height })
    await page.addInitScript((scale) => {
      localStorage.setItem('hamish.preferences.v1', JSON.stringify({ fontScale: scale }))
    }, fontScale)
    const reader = new ReaderPage(page)
    await reader.open(server.url)
    const shown = await textOnFirstScreen(page)
    const read = firstScreenText(height, fontScale).end
    // Enough that the first screen needs no second read, well short of reading two screens.
    expect(read).toBeGreaterThanOrEqual(shown)
    expect(read).toBeLessThan(shown * 2)
  })
}
