import { expect, test, type Page } from '@playwright/test'
import { serveForThisFile } from './support/serve-for-this-file'
import { ARABIC_PASSAGE, ReaderPage } from './pages/reader-page'

/*
 * The shortcuts with an Arabic keyboard layout, where a key types an Arabic letter: the browser
 * reports that letter as the key, and the key's place (`KeyZ`) as its code. Playwright's own
 * keyboard knows only a US layout, so the key events are sent as Chromium receives them.
 */

const server = serveForThisFile()

test.use({ locale: 'ar', viewport: { width: 1280, height: 900 } })

const CTRL = 2
const SHIFT = 8

/** Ctrl (and Shift) with a key of the Arabic (101) layout. */
async function pressArabic(
  page: Page,
  key: { key: string; code: string; keyCode: number },
  modifiers = CTRL,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const event = { modifiers, key: key.key, code: key.code, windowsVirtualKeyCode: key.keyCode }
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event })
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event })
  await cdp.detach()
}

const Z = { key: 'ئ', code: 'KeyZ', keyCode: 90 }
const Y = { key: 'غ', code: 'KeyY', keyCode: 89 }
const H = { key: 'ا', code: 'KeyH', keyCode: 72 }
const SLASH = { key: 'ظ', code: 'Slash', keyCode: 191 }

test('undo, redo, highlight and help answer their keys on an Arabic layout', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)

  await reader.selectText(ARABIC_PASSAGE)
  await pressArabic(page, H, CTRL | SHIFT)
  await expect(reader.highlightOf(ARABIC_PASSAGE)).toHaveCount(1)

  await reader.article.focus()
  await pressArabic(page, Z)
  await expect(reader.highlightOf(ARABIC_PASSAGE)).toHaveCount(0)
  await pressArabic(page, Y)
  await expect(reader.highlightOf(ARABIC_PASSAGE)).toHaveCount(1)
  await pressArabic(page, Z)
  await pressArabic(page, Z, CTRL | SHIFT)
  await expect(reader.highlightOf(ARABIC_PASSAGE)).toHaveCount(1)

  await pressArabic(page, SLASH)
  await expect(page.getByTestId('dialog-shortcuts')).toBeVisible()
})
