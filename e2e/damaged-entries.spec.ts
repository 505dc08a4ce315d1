import { expect, test, type Page } from '@playwright/test'
import { annotationEntries, entryFields } from '../src/core/annotations/annotation-entry'
import { ARABIC_PASSAGE, ReaderPage } from './pages/reader-page'
import { serveForThisFile } from './support/serve-for-this-file'
import { appendChange, storedDocHolding } from './support/stored-user-docs'

/*
 * What a damaged or foreign document may hold (a classmate's, an import's, another version's),
 * and what deleting leaves behind: shown for what it is, never a blank page.
 */

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

/** Comments on the test's passage and rewrites the stored comment with `fields` changed. */
async function storedComment(page: Page, body: string, fields: Record<string, unknown>) {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn(ARABIC_PASSAGE, body)
  const id = await reader.card(body).getAttribute('data-annotation-id')
  const stored = await storedDocHolding(page, id!)
  const entry = entryFields(annotationEntries(stored.doc).get(id!))
  await appendChange(page, stored, (doc) =>
    annotationEntries(doc).set(id!, JSON.stringify({ ...entry, ...fields })),
  )
  await page.reload()
  await reader.waitForArticle()
  // The margin lays out the cards near what is on screen.
  await reader.highlightOf(ARABIC_PASSAGE).first().scrollIntoViewIfNeeded()
  return reader
}

test('a stored comment whose time is not a time shows it as stored, rather than blanking the page', async ({
  page,
}) => {
  const reader = await storedComment(page, 'written some day', { createdAt: 'yesterday' })
  const card = reader.card('written some day')
  await expect(card).toBeVisible()
  await expect(card.locator('time')).toHaveText('yesterday')
  await card.click()
  await expect(reader.article).toBeVisible()
})

test('a card that cannot be drawn says so in its place; the rest of the page goes on', async ({
  page,
}) => {
  // Fault injection: this one comment's date will not format, as a broken locale might not.
  await page.addInitScript(() => {
    const prototype = Intl.DateTimeFormat.prototype
    const formatOf = Object.getOwnPropertyDescriptor(prototype, 'format')!.get!
    Object.defineProperty(prototype, 'format', {
      get(this: Intl.DateTimeFormat) {
        const format = formatOf.call(this) as (date?: Date | number) => string
        return (date?: Date | number) => {
          if (new Date(date ?? Date.now()).getUTCFullYear() === 1999) {
            throw new RangeError('this date cannot be formatted')
          }
          return format(date)
        }
      },
    })
  })
  const reader = await storedComment(page, 'from 1999', { createdAt: '1999-05-01T10:00:00.000Z' })
  const failed = page.getByTestId('card-failed')
  await expect(failed).toContainText('This annotation could not be shown')
  await expect(failed).toContainText('this date cannot be formatted')

  await reader.commentOn('الدبلوماسية الدفاعية أنشطة غير عنفيه', 'from today')
  await expect(reader.card('from today')).toBeVisible()
  await expect(reader.article).toBeVisible()
})

test('a reply whose comment was deleted is listed apart, and can be deleted', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn(ARABIC_PASSAGE, 'soon deleted')
  const card = reader.card('soon deleted')
  await reader.replyTo('soon deleted', 'a reply left behind')
  await expect(card).toContainText('a reply left behind')
  await card
    .locator('.annotation-entry[data-kind="comment"]')
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(card).toHaveCount(0)

  await page.getByTestId('tab-annotations').click()
  const detached = page.getByTestId('detached-replies')
  await expect(detached).toContainText('Replies to a comment that is gone')
  await expect(detached).toContainText('a reply left behind')
  await expect(page.getByTestId('annotation-list')).not.toContainText('No annotations yet')

  await page.reload()
  await reader.waitForArticle()
  await expect(detached).toContainText('a reply left behind')
  await detached.getByRole('button', { name: 'Delete' }).click()
  await expect(detached).toHaveCount(0)
  await expect(page.getByTestId('annotation-list')).toContainText('No annotations yet')
})

test('a highlight that replies hang off shows them in a card of its own', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn(ARABIC_PASSAGE, 'the question')
  const card = reader.card('the question')
  await reader.replyTo('the question', 'an answer')
  await expect(card).toContainText('an answer')
  const id = (await card.getAttribute('data-annotation-id'))!

  // As an import may bring it, or a classmate's reply arriving after the comment was emptied.
  const stored = await storedDocHolding(page, id)
  const entry = entryFields(annotationEntries(stored.doc).get(id))
  await appendChange(page, stored, (doc) =>
    annotationEntries(doc).set(id, JSON.stringify({ ...entry, kind: 'highlight', body: '' })),
  )
  await page.reload()
  await reader.waitForArticle()
  await reader.highlight(id).scrollIntoViewIfNeeded()
  const thread = page.locator(`[data-testid="comment-card"][data-annotation-id="${id}"]`)
  await expect(thread).toContainText('an answer')
  await expect(thread).not.toContainText('the question')

  // Active, it is still the one card: the thread's, not a second highlight card beside it.
  await reader.highlight(id).click()
  await expect(thread).toHaveAttribute('data-active', 'true')
  await expect(page.getByTestId('highlight-card')).toHaveCount(0)
})
