import { expect, test } from '@playwright/test'
import { annotationEntries, entryFields } from '../src/core/annotations/annotation-entry'
import { storeLegacyEntry } from '../src/core/annotations/annotation-test-support'
import { ARABIC_PASSAGE, ReaderPage } from './pages/reader-page'
import { serveForThisFile } from './support/serve-for-this-file'
import { appendChange, storedDocHolding } from './support/stored-user-docs'

/*
 * Annotations saved by an older version of Hamish, as a nested map of fields rather than the
 * JSON text of the annotation (annotation-entry.ts), still open, and are rewritten as text in
 * the background so that later opens decode them quickly.
 */

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const OLD_ID = 'saved-by-an-older-version'
const OLD_BODY = 'A comment saved before annotations were stored as text'

test('a comment stored in the old shape opens, and is stored as text afterwards', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const highlightId = await reader.highlightText(ARABIC_PASSAGE)
  const stored = await storedDocHolding(page, highlightId)

  const fields = entryFields(annotationEntries(stored.doc).get(highlightId))
  await appendChange(page, stored, (doc) =>
    storeLegacyEntry(doc, OLD_ID, { ...fields, id: OLD_ID, kind: 'comment', body: OLD_BODY }),
  )

  await page.reload()
  await reader.waitForArticle()
  // The margin lays out the cards near what is on screen.
  await reader.highlightOf(ARABIC_PASSAGE).first().scrollIntoViewIfNeeded()
  await expect(reader.card(OLD_BODY)).toBeVisible()
  await expect(async () => {
    const stored = await storedDocHolding(page, OLD_ID)
    const entry = annotationEntries(stored.doc).get(OLD_ID)
    expect(typeof entry).toBe('string')
    expect(entryFields(entry)).toMatchObject({ id: OLD_ID, kind: 'comment', body: OLD_BODY })
  }).toPass({ timeout: 15_000 })

  await page.reload()
  await reader.waitForArticle()
  await reader.highlightOf(ARABIC_PASSAGE).first().scrollIntoViewIfNeeded()
  await expect(reader.card(OLD_BODY)).toBeVisible()
})
