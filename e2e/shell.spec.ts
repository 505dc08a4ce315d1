import { expect, test } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { serveForThisFile } from './support/serve-for-this-file'
import { ARABIC_TITLE, ReaderPage } from './pages/reader-page'

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } })

test('shows the keyboard shortcuts from the toolbar and with Ctrl+/', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  const dialog = page.getByTestId('dialog-shortcuts')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Highlight the selection')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await reader.article.focus()
  await page.keyboard.press('Control+/')
  await expect(dialog).toBeVisible()
})

for (const language of ['en', 'ar'] as const) {
  test(`the keyboard shortcuts keep a gap between each key and what it does (${language})`, async ({
    page,
  }, testInfo) => {
    const reader = new ReaderPage(page)
    await reader.open(server.url)
    if (language === 'ar') {
      await reader.languageToggle.click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
    }
    await reader.article.focus()
    await page.keyboard.press('Control+/')
    const dialog = page.getByTestId('dialog-shortcuts')
    await expect(dialog).toBeVisible()
    mkdirSync('e2e-artifacts', { recursive: true })
    const path = `e2e-artifacts/shortcuts-${language}.png`
    await dialog.screenshot({ path })
    await testInfo.attach(`shortcuts-${language}`, { path, contentType: 'image/png' })

    const rows = dialog.getByRole('row')
    expect(await rows.count()).toBeGreaterThan(0)
    for (const row of await rows.all()) {
      // From the key's text to its description's text, on whichever side the table puts it.
      const gap = await row.evaluate((element) => {
        const key = element.querySelector('kbd')!.getBoundingClientRect()
        const range = document.createRange()
        range.selectNodeContents(element.querySelector('td')!)
        const description = range.getBoundingClientRect()
        return getComputedStyle(element).direction === 'rtl'
          ? key.left - description.right
          : description.left - key.right
      })
      expect(gap, await row.innerText()).toBeGreaterThanOrEqual(8)
    }
    // Following a notebook quote back to its passage is listed too.
    await expect(dialog.getByRole('row', { name: /Alt\+Enter/ })).toBeVisible()
  })
}

test('opens an article file dropped on the window', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(
      new File(['# Dropped notes\n\nنص عربي في ملف مسحوب.\n'], 'dropped.md', {
        type: 'text/markdown',
      }),
    )
    return transfer
  })
  await page.dispatchEvent('main', 'dragover', { dataTransfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer })
  await expect(page.getByTestId('article-title')).toHaveText('Dropped notes')
  expect(page.url()).toBe(server.url)
})

/**
 * The renderer's side of the desktop shell, with a stand-in for Electron's preload bridge:
 * menu commands arrive, and the UI language is reported back to the shell.
 */
test('acts on the desktop menu and tells the shell its language', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: unknown[] = []
    let menu: ((command: unknown) => void) | null = null
    Object.assign(window, {
      shellCalls: calls,
      sendMenu: (command: unknown) => menu?.(command),
      hamish: {
        appInfo: async () => ({ name: 'Hamish', version: '9.9.9', os: 'linux' }),
        startupArticle: async () => null,
        openArticle: async () => null,
        saveText: async () => null,
        setUiLanguage: async (language: string) => {
          calls.push(['setUiLanguage', language])
        },
        openDroppedArticle: async () => null,
        openRecentArticle: async () => null,
        onMenuCommand: (listener: (command: unknown) => void) => {
          menu = listener
          return () => {
            menu = null
          }
        },
        onImportProgress: () => () => undefined,
      },
    })
  })
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const send = (command: object) =>
    page.evaluate((c) => (window as never as { sendMenu(c: object): void }).sendMenu(c), command)
  const shellCalls = () =>
    page.evaluate(() => (window as never as { shellCalls: unknown[] }).shellCalls)

  await expect.poll(shellCalls).toContainEqual(['setUiLanguage', 'en'])
  const before = await reader.fontSize()
  await send({ command: 'zoom-in' })
  await expect.poll(() => reader.fontSize()).toBeGreaterThan(before)
  await send({ command: 'toggle-theme' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await send({ command: 'toggle-notebook' })
  await expect(page.getByTestId('notebook')).toBeVisible()
  await send({ command: 'set-language', language: 'ar' })
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect.poll(shellCalls).toContainEqual(['setUiLanguage', 'ar'])
  await send({ command: 'show-about' })
  await expect(page.getByTestId('dialog-about')).toContainText('Hamish 9.9.9')
  await expect(page.getByTestId('dialog-about')).toContainText('عن هامش')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('article-title')).toHaveText(ARABIC_TITLE)
})
