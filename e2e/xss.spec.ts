import { expect, test, type Locator, type Page } from '@playwright/test'
import type * as Y from 'yjs'
import {
  annotationEntries,
  entryFields,
  writeEntry,
} from '../src/core/annotations/annotation-entry'
import { ReaderPage } from './pages/reader-page'
import { serveForThisFile } from './support/serve-for-this-file'
import { appendChange, storedDocHolding } from './support/stored-user-docs'

/*
 * Script in what readers write stays text. Payloads go in through the comment composer and its
 * tags, and, for what the UI cannot write (an author's name, raw tags, as a peer's document or an
 * import would bring them), straight into the reading's IndexedDB. Then:
 * no payload ran (each would set `window.__pwned`), no dialog opened, no page opened or was
 * navigated to, no element a payload names exists, and no Content-Security-Policy violation was
 * reported (markup that got through and was only stopped by the CSP counts as a failure).
 */

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const BODY = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"><circle r="5"/></svg>',
  '<iframe src="javascript:window.__pwned = 4"></iframe>',
  '[click me](javascript:window.__pwned=5) [data](data:text/html,<script>window.__pwned=6</script>)',
  '[entity](&#106;avascript:window.__pwned=7) <javascript:window.__pwned=8>',
  '[ref][r]',
  '',
  '[r]: javascript:window.__pwned=9',
].join('\n')
const TAGS = [
  '<svg/onload=window.__pwned=10>',
  'javascript:window.__pwned=11',
  '<img/src/onerror=x>',
]
const NAME = '<img src=x onerror="window.__pwned = 12"> Mallory'
/** Elements none of the payloads may become. */
const FORBIDDEN =
  'script, img, svg, iframe, object, embed, details, a[href^="javascript"], a[href^="data"]'

interface Watch {
  dialogs: number
  pages: number
}

/** Listens for everything a payload that ran could do. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: 0, pages: 0 }
  page.on('dialog', (dialog) => {
    seen.dialogs++
    void dialog.dismiss()
  })
  page.context().on('page', () => seen.pages++)
  await page.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { __cspViolations: violations })
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  return seen
}

async function expectNothingRan(page: Page, seen: Watch, url: string): Promise<void> {
  // Give an image's onerror or a frame's load the time they would take.
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(
    await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations),
  ).toEqual([])
  expect(seen.dialogs).toBe(0)
  expect(seen.pages).toBe(0)
  expect(page.url()).toBe(url)
}

/** Clicks every link-like thing in a card: none may go anywhere. */
async function clickEverything(card: Locator): Promise<void> {
  const links = card.locator('.markdown-body a, .markdown-body span')
  for (let i = 0; i < (await links.count()); i++) {
    await links.nth(i).click({ modifiers: [] })
  }
}

test('payloads typed in a comment, its tags and a reply stay text', async ({ page }) => {
  const seen = await watch(page)
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.selectText('ظهرت الدبلوماسية الدفاعية')
  await page.keyboard.press('Control+Alt+M')
  const composer = page.getByTestId('composer')
  await composer.getByLabel('Comment (Markdown)').fill(BODY)
  await composer.getByLabel('Tags', { exact: true }).fill(TAGS.join(' '))
  await page.keyboard.press('Control+Enter')

  const card = reader.card('<script>window.__pwned = 1</script>')
  await expect(card).toBeVisible()
  await expect(card).toContainText('<img src=x onerror="window.__pwned = 2">')
  await expect(card).toContainText('<svg onload="window.__pwned = 3"><circle r="5"/></svg>')
  for (const tag of TAGS) await expect(card).toContainText(`#${tag.toLowerCase()}`)
  await card.getByRole('button', { name: 'Reply' }).click()
  await card.getByLabel('Reply (Markdown)').fill(`a reply: ${BODY}`)
  await page.keyboard.press('Control+Enter')
  await expect(card).toContainText('a reply: <script>')

  await expect(card.locator(FORBIDDEN)).toHaveCount(0)
  await expect(card.locator('a')).toHaveCount(0)
  await clickEverything(card)
  await page.getByTestId('tab-annotations').click()
  const entry = page.getByTestId('annotation-list').locator('.list-entry').first()
  await expect(entry).toContainText('<iframe src="javascript:window.__pwned = 4"></iframe>')
  await expect(page.getByTestId('annotation-list').locator(FORBIDDEN)).toHaveCount(0)
  await expectNothingRan(page, seen, server.url)
})

test('annotations that arrive in IndexedDB (a peer, an import) with hostile names and tags stay text', async ({
  page,
}) => {
  const seen = await watch(page)
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  // A real annotation first, for a real anchor (relative positions into this article).
  const passage = 'يعد الملحق العسكري هو اللاعب الرئيسي'
  const highlightId = await reader.highlightText(passage)

  const stored = await storedDocHolding(page, highlightId)
  const owner = /:user:([^:]+):/u.exec(stored.name)![1]!
  const highlight = entryFields(annotationEntries(stored.doc).get(highlightId))
  const write = (doc: Y.Doc, id: string, fields: Record<string, unknown>) => {
    const { anchor, ...rest } = highlight
    const values = {
      ...rest,
      ...(fields['kind'] === 'reply' ? {} : { anchor }),
      id,
      author: owner,
      ...fields,
    }
    writeEntry(annotationEntries(doc), id, values)
  }
  await appendChange(page, stored, (doc) => {
    write(doc, 'hostile-comment', {
      kind: 'comment',
      authorName: NAME,
      body: BODY,
      tags: TAGS,
    })
    write(doc, 'hostile-reply', {
      kind: 'reply',
      authorName: NAME,
      body: `[x](javascript:window.__pwned=14) ${BODY}`,
      replyTo: 'hostile-comment',
    })
  })

  await page.reload()
  await reader.waitForArticle()
  // The margin lays out the cards near what is on screen.
  await reader.highlight('hostile-comment').first().scrollIntoViewIfNeeded()
  const card = reader.card('Mallory')
  await expect(card.first()).toBeVisible()
  await expect(card.first()).toContainText(NAME)
  await expect(card.first()).toContainText('<script>window.__pwned = 1</script>')
  for (const tag of TAGS) await expect(card.first()).toContainText(`#${tag}`)
  await expect(card.locator(FORBIDDEN)).toHaveCount(0)
  await expect(card.locator('a')).toHaveCount(0)
  await clickEverything(card.first())

  await page.getByTestId('tab-annotations').click()
  const list = page.getByTestId('annotation-list')
  await expect(list).toContainText('<img src=x onerror="window.__pwned = 2">')
  await expect(list).toContainText(NAME)
  await expect(list.locator(FORBIDDEN)).toHaveCount(0)
  await expectNothingRan(page, seen, server.url)
})
