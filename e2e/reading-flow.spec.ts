import { expect, test } from '@playwright/test'
import { serveForThisFile } from './support/serve-for-this-file'
import { ARABIC_PASSAGE, ReaderPage } from './pages/reader-page'

/*
 * A reader working through the article: the side panel beside the reading position, the
 * keyboard's place kept as cards change under it, and a passage highlighted twice.
 */

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const NEAR_THE_TOP = 'تطوير القدرات العسكرية'
const IN_THE_CONCLUSION = 'ركيزة اساسية وخطوة رئيسة لسلامة الدولة'

test('the side panel stays beside the reading position: an entry far down is shown and the list stays in view', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn(NEAR_THE_TOP, 'near the top')
  await reader.commentOn(IN_THE_CONCLUSION, 'in the conclusion')
  await page.getByTestId('tab-annotations').click()
  const list = page.getByTestId('annotation-list')
  const entry = (body: string) => list.getByRole('button').filter({ hasText: body })

  await entry('near the top').scrollIntoViewIfNeeded()
  await entry('in the conclusion').click()
  await expect(reader.highlightOf(IN_THE_CONCLUSION)).toBeInViewport()
  await expect(page.getByTestId('tab-annotations')).toBeInViewport()
  await expect(entry('near the top')).toBeInViewport()

  await entry('near the top').click()
  await expect(reader.highlightOf(NEAR_THE_TOP)).toBeInViewport()
  await expect(entry('in the conclusion')).toBeInViewport()

  // Below the header however many rows its toolbar wraps onto (more in Arabic): not under it.
  await reader.languageToggle.click()
  await entry('in the conclusion').click()
  await expect(reader.highlightOf(IN_THE_CONCLUSION)).toBeInViewport()
  await page.getByTestId('tab-notebook').click({ timeout: 5_000 })
  await expect(page.getByTestId('notebook')).toBeInViewport()
})

test('quoting a passage deep in the article to the notebook keeps the reading position', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn(IN_THE_CONCLUSION, 'to quote')
  const card = reader.card('to quote')
  await card.scrollIntoViewIfNeeded()
  const before = await reader.highlightOf(IN_THE_CONCLUSION).boundingBox()

  await card.getByRole('button', { name: 'Quote to notebook' }).click()
  const quote = page.getByTestId('notebook').locator('blockquote[data-type="annotation-quote"]')
  await expect(quote).toHaveText(IN_THE_CONCLUSION)
  await expect(quote).toBeInViewport()
  const after = await reader.highlightOf(IN_THE_CONCLUSION).boundingBox()
  expect(Math.abs(after!.y - before!.y)).toBeLessThan(2)
})

test('saving, closing and deleting keep the keyboard on the card or the article, where Ctrl+Z undoes a delete', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn(ARABIC_PASSAGE, 'kept in place')
  await expect(reader.article).toBeFocused()

  const card = reader.card('kept in place')
  const replyButton = card.getByRole('button', { name: 'Reply' })
  await replyButton.click()
  await card.getByLabel('Reply (Markdown)').fill('a reply')
  await page.keyboard.press('Control+Enter')
  await expect(card).toContainText('a reply')
  await expect(replyButton).toBeFocused()

  await replyButton.press('Enter')
  await expect(card.getByLabel('Reply (Markdown)')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(replyButton).toBeFocused()

  const reply = card.locator('.annotation-entry[data-kind="reply"]')
  const editReply = reply.getByRole('button', { name: 'Edit' })
  await editReply.press('Enter')
  await expect(card.getByLabel('Comment (Markdown)')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(editReply).toBeFocused()

  await reply.getByRole('button', { name: 'Delete' }).press('Enter')
  await expect(card).not.toContainText('a reply')
  await expect(card).toBeFocused()

  await card
    .locator('.annotation-entry[data-kind="comment"]')
    .getByRole('button', { name: 'Delete' })
    .press('Enter')
  await expect(card).toHaveCount(0)
  await expect(reader.article).toBeFocused()
  await page.keyboard.press('Control+z')
  await expect(reader.card('kept in place')).toBeVisible()

  // Ctrl+Z also works from a card's button, and leaves a text field's own undo alone.
  await reader.card('kept in place').getByRole('button', { name: 'Resolve' }).press('Control+z')
  await expect(reader.card('kept in place')).toContainText('a reply')
})

test('highlighting a passage again recolours its highlight rather than stacking a copy', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const id = await reader.highlightText(ARABIC_PASSAGE)
  await page.keyboard.press('Control+Shift+H')
  await page
    .getByTestId('selection-menu')
    .getByRole('button', { name: 'Highlight in green' })
    .click()
  await expect(reader.highlightOf(ARABIC_PASSAGE)).toHaveCount(1)
  await expect(reader.highlight(id)).toHaveClass(/hl-green/)

  await page.getByTestId('tab-annotations').click()
  await expect(page.getByTestId('annotation-list').locator('button.list-entry')).toHaveCount(1)
})
