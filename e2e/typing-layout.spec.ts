import { expect, test, type Page } from '@playwright/test'
import { serveForThisFile } from './support/serve-for-this-file'
import { ARABIC_PASSAGE, ReaderPage } from './pages/reader-page'

/*
 * Issue 3's keystroke target: typing in a comment must not make Chromium lay out the page.
 * With thousands of highlights beside it, a layout pass from the document root costs more
 * than a frame's worth per key. Timing is the benchmark's job; this checks the structure that
 * keeps it cheap, through Chromium's own trace of each layout pass and how much it covered.
 */

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

/** A field's own layout: the text control and the few boxes inside it. */
const FIELD_OBJECTS = 20

interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly args?: { readonly beginData?: { readonly totalObjects?: number } }
}

/** The layout passes Chromium runs while `act` types, with how many objects each one covered. */
async function layoutPassesDuring(page: Page, act: () => Promise<void>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  // Chromium's own trace format; a pass without the count reads as the whole page, and fails.
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline',
    transferMode: 'ReportEvents',
  })
  await act()
  await cdp.send('Tracing.end')
  await complete
  await cdp.detach()
  return events
    .filter((event) => event.name === 'Layout' && event.ph === 'X')
    .map((event) => event.args?.beginData?.totalObjects ?? Infinity)
}

test('typing a comment, its tags or a reply lays out only the field typed into', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.selectText(ARABIC_PASSAGE)
  await page.keyboard.press('Control+Alt+M')
  const composer = page.getByTestId('composer')
  const body = composer.getByLabel('Comment (Markdown)')
  await expect(body).toBeFocused()

  const typing = await layoutPassesDuring(page, () =>
    page.keyboard.type('A clear mandate', { delay: 30 }),
  )
  expect(typing.length, 'each key should have been laid out').toBeGreaterThan(5)
  expect(Math.max(...typing)).toBeLessThanOrEqual(FIELD_OBJECTS)

  const tagsField = composer.getByLabel('Tags', { exact: true })
  await tagsField.focus()
  const tags = await layoutPassesDuring(page, () => page.keyboard.type('#question', { delay: 30 }))
  expect(tags.length).toBeGreaterThan(5)
  expect(Math.max(...tags)).toBeLessThanOrEqual(FIELD_OBJECTS)
  await expect(tagsField).toHaveValue('#question')

  await page.keyboard.press('Control+Enter')
  const card = reader.card('A clear mandate')
  await expect(card).toBeVisible()
  await card.getByRole('button', { name: 'Reply' }).click()
  const reply = card.getByLabel('Reply (Markdown)')
  await expect(reply).toBeFocused()
  const replying = await layoutPassesDuring(page, () =>
    page.keyboard.type('Agreed, and sourced', { delay: 30 }),
  )
  expect(replying.length).toBeGreaterThan(5)
  expect(Math.max(...replying)).toBeLessThanOrEqual(FIELD_OBJECTS)
})

/** The page's window, with what the test's listener saw. */
type SeenWindow = { selectionChanges: string[] }

test('typing in a field keeps its selection changes from the document; the article’s still reach it', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  // Where React and ProseMirror listen: every selectionchange the document's listeners get.
  await page.evaluate(() => {
    const seen = window as never as SeenWindow
    seen.selectionChanges = []
    document.addEventListener('selectionchange', (event) => {
      const target = event.target
      seen.selectionChanges.push(target instanceof Element ? target.localName : 'document')
    })
  })
  const seen = () => page.evaluate(() => (window as never as SeenWindow).selectionChanges.splice(0))

  await reader.selectText(ARABIC_PASSAGE)
  await expect.poll(seen).toContain('document')

  await page.keyboard.press('Control+Alt+M')
  const composer = page.getByTestId('composer')
  const body = composer.getByLabel('Comment (Markdown)')
  await expect(body).toBeFocused()
  await seen()
  await page.keyboard.type('A clear mandate', { delay: 30 })
  await composer.getByLabel('Tags', { exact: true }).focus()
  await page.keyboard.type('#question', { delay: 30 })
  await expect(body).toHaveValue('A clear mandate')
  // A frame later, any selectionchange the typing queued has been dispatched.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
  const whileTyping = await seen()
  expect(whileTyping).not.toContain('textarea')
  expect(whileTyping).not.toContain('input')
})
