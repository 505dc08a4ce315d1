import { expect, test } from '@playwright/test'
import {
  annotationEntries,
  entryFields,
  writeEntry,
} from '../src/core/annotations/annotation-entry'
import { ReaderPage } from './pages/reader-page'
import { serveForThisFile } from './support/serve-for-this-file'
import { appendChange, storedDocHolding } from './support/stored-user-docs'

/*
 * With thousands of annotations, the first anchoring places those near the screen and the rest
 * right after (app/annotations/use-anchoring.ts). The rest must still arrive: a passage at the
 * far end of the article gets its highlight and card, and nothing is taken for an orphan.
 */

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const NEAR = 'ظهرت الدبلوماسية الدفاعية'
const FAR = 'The Minister of Defense meets with the Saudi military attaché'
/** Past the threshold (500) at which the first anchoring goes screen first. */
const COPIES = 600

test('a seminar of hundreds opens with its far passages anchored too, none orphaned', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const nearId = await reader.highlightText(NEAR)
  await reader.commentOn(FAR, 'Far from the first screen.')
  await expect(reader.card('Far from the first screen.')).toBeVisible()
  const farId = await reader.card('Far from the first screen.').getAttribute('data-annotation-id')

  // Hundreds more on the first screen, as a seminar's class would leave them.
  const stored = await storedDocHolding(page, nearId)
  const near = entryFields(annotationEntries(stored.doc).get(nearId))
  await appendChange(page, stored, (doc) => {
    for (let i = 0; i < COPIES; i++) {
      writeEntry(annotationEntries(doc), `copy-${i}`, { ...near, id: `copy-${i}` })
    }
  })
  await page.reload()
  await reader.waitForArticle()

  await expect(page.locator(`[data-annotation-id="copy-${COPIES - 1}"]`).first()).toBeVisible()
  // Highlights beyond the screen are drawn a slice at a time, cards only near the screen.
  await expect(reader.highlightOf(FAR)).toHaveCount(1)
  await reader.highlightOf(FAR).scrollIntoViewIfNeeded()
  await expect(
    page.locator(`[data-testid="comment-card"][data-annotation-id="${farId}"]`),
  ).toBeVisible()
  await page.getByTestId('tab-annotations').click()
  await expect(page.getByTestId('annotation-list')).toContainText('Far from the first screen.')
  await expect(page.getByTestId('orphaned-annotations')).toHaveCount(0)
})
