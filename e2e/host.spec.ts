import { expect, test, type Page } from '@playwright/test'
import { create } from 'qrcode'
import { serveForThisFile } from './support/serve-for-this-file'
import { ARABIC_TITLE, ReaderPage } from './pages/reader-page'

const server = serveForThisFile()

test.use({ viewport: { width: 1280, height: 900 } })

/** The dark modules of the QR code of `text`, drawn as the dialog draws them (4-module margin). */
function expectedQr(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  let path = ''
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) path += `M${column + 4} ${row + 4}h1v1h-1z`
    }
  }
  return { size: modules.size, path }
}

async function openHostDialog(page: Page, buttonName: string) {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.toolbar.getByRole('button', { name: buttonName }).click()
  const dialog = page.getByTestId('dialog-host')
  await expect(dialog).toBeVisible()
  return dialog
}

test.describe('in English', () => {
  test.use({ locale: 'en-US' })

  test('hosts a seminar from the toolbar: join link, code and QR code; another browser joins with the code', async ({
    page,
    browser,
  }) => {
    const dialog = await openHostDialog(page, 'Host a seminar…')
    const title = dialog.getByLabel('Seminar title')
    await expect(title).toHaveValue(ARABIC_TITLE)
    await expect(title).toBeFocused()
    await dialog.getByLabel('Your name, as students see it').fill('Dr. Hanan')
    await dialog.getByLabel('Post before seeing').check()
    await page.screenshot({ path: 'e2e-artifacts/host-form-en.png' })
    await dialog.getByRole('button', { name: 'Start hosting' }).click()

    await expect(dialog.getByRole('heading')).toHaveText('Your seminar is open')
    // The form had the focus; the join link's Copy button takes it, so the keyboard goes on.
    await expect(dialog.getByRole('button', { name: 'Copy' }).first()).toBeFocused()
    const joinUrl = await dialog.getByTestId('host-join-link').inputValue()
    const code = (await dialog.getByTestId('host-join-code').textContent()) ?? ''
    const joinPattern = new RegExp(`^${server.url}join/([a-z0-9-]+)#code=(.+)$`)
    const [, seminarId, codeInLink] = joinPattern.exec(joinUrl) ?? []
    expect(seminarId).toBeTruthy()
    expect(decodeURIComponent(codeInLink ?? '')).toBe(code)

    // The QR code is the join link: the same modules as a fresh encoding, square for square.
    const qr = dialog.getByTestId('host-qr')
    const expected = expectedQr(joinUrl)
    await expect(qr).toHaveAttribute('data-modules', String(expected.size))
    await expect(qr).toHaveAttribute('viewBox', `0 0 ${expected.size + 8} ${expected.size + 8}`)
    expect(await qr.locator('path').getAttribute('d')).toBe(expected.path)
    await expect(qr).toHaveAccessibleName('QR code of the join link')

    // The instructor link is a password: hidden until asked for.
    const instructorLink = dialog.getByTestId('host-instructor-link')
    await expect(instructorLink).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Show' }).click()
    await expect(instructorLink).toHaveValue(
      new RegExp(`^${server.url}seminar/${seminarId}#token=`),
    )
    await page.screenshot({ path: 'e2e-artifacts/host-result-en.png' })

    // A student's page from another origin (localhost, not 127.0.0.1) joins across origins:
    // CORS lets it read the join, and refuses it the creation of a seminar.
    const student = await browser.newContext({ bypassCSP: true })
    const studentPage = await student.newPage()
    await studentPage.goto(server.url.replace('127.0.0.1', 'localhost'))
    const answers = await studentPage.evaluate(
      async ({ api, id, code }) => {
        const joined = await fetch(`${api}api/seminars/${id}/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code, name: 'Amal' }),
        })
        let create = 'answered'
        try {
          await fetch(`${api}api/seminars`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ title: 'Planted' }),
          })
        } catch (error) {
          create = (error as Error).name
        }
        return { status: joined.status, body: await joined.json(), create }
      },
      { api: server.url, id: seminarId as string, code },
    )
    expect(answers).toMatchObject({
      status: 200,
      body: { role: 'student', token: expect.any(String) },
      create: 'TypeError',
    })
    await student.close()

    // Reopened, the dialog shows the seminar being hosted; a browser cannot stop hamish serve.
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toHaveCount(0)
    await page.getByRole('button', { name: 'Host a seminar…' }).click()
    await expect(page.getByTestId('host-join-link')).toHaveValue(joinUrl)
    await expect(page.getByRole('button', { name: 'Stop hosting' })).toHaveCount(0)

    // The host's own window opens the seminar as its instructor, synced with the server.
    await page.getByRole('button', { name: 'Open the seminar as instructor' }).click()
    await expect(page.getByTestId('dialog-host')).toHaveCount(0)
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online')
    await new ReaderPage(page).waitForArticle()
    expect(page.url()).not.toContain('token=')
  })
})

test.describe('in Arabic', () => {
  test.use({ locale: 'ar' })

  test('says in Arabic when this page may not create seminars, and asks for the admin token', async ({
    page,
  }) => {
    // As from another computer: the server refuses to create without its admin token.
    await page.route('**/api/seminars', (route) =>
      route.request().headers()['authorization']
        ? route.continue()
        : route.fulfill({ status: 403, json: { error: 'Only the computer running the server…' } }),
    )
    const dialog = await openHostDialog(page, 'استضِف حلقة دراسية…')
    await expect(dialog.getByRole('heading')).toHaveText('استضافة حلقة دراسية على هذا الحاسوب')
    await page.screenshot({ path: 'e2e-artifacts/host-form-ar.png' })
    await dialog.getByRole('button', { name: 'ابدأ الاستضافة' }).click()
    await expect(dialog.getByTestId('host-problem')).toContainText(
      'لا يفتح هذا الخادم حلقات إلا للحاسوب الذي يعمل عليه',
    )
    const token = dialog.getByLabel('رمز المشرف للخادم')
    await expect(token).toBeVisible()
    await page.screenshot({ path: 'e2e-artifacts/host-not-allowed-ar.png' })

    // With a wrong token the real server says so; nothing is lost from the form.
    await token.fill('not-the-admin-token')
    await dialog.getByRole('button', { name: 'ابدأ الاستضافة' }).click()
    await expect(dialog.getByTestId('host-problem')).toContainText('هذا ليس رمز المشرف لهذا الخادم')
    await expect(dialog.getByLabel('عنوان الحلقة')).toHaveValue(ARABIC_TITLE)
  })

  test('shows the hosted seminar in Arabic', async ({ page }) => {
    const dialog = await openHostDialog(page, 'استضِف حلقة دراسية…')
    await dialog.getByLabel('اسمك كما يراه الطلاب').fill('د. حنان')
    await dialog.getByLabel('أسماء مخفية بين الزملاء').check()
    await dialog.getByRole('button', { name: 'ابدأ الاستضافة' }).click()
    await expect(dialog.getByRole('heading')).toHaveText('حلقتك مفتوحة')
    await expect(dialog.getByTestId('host-join-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    await expect(dialog.getByTestId('host-qr')).toHaveAccessibleName('رمز QR لرابط الانضمام')
    await page.screenshot({ path: 'e2e-artifacts/host-result-ar.png' })
    await dialog
      .locator('.host-served-at')
      .screenshot({ path: 'e2e-artifacts/host-served-at-ar.png' })
  })
})

/**
 * The desktop front door, in Chromium with a stand-in for Electron's preload bridge: the menu
 * opens the dialog, a port in use is offered any free port, and stopping asks first.
 */
test.describe('in the desktop app (bridge stand-in)', () => {
  test.use({ locale: 'en-US' })

  test('offers any free port when the port is taken, and stops hosting after asking', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seminar = {
        title: 'Week 3',
        seminarId: '5f0c2a9be41d7730',
        instructorToken: 'eyJ.token.sig',
        joinCode: 'K7WQ-P3MD',
        instructorUrl: 'http://192.0.2.7:38211/seminar/5f0c2a9be41d7730#token=eyJ.token.sig',
        joinUrl: 'http://192.0.2.7:38211/join/5f0c2a9be41d7730#code=K7WQ-P3MD',
      }
      let status: unknown = { state: 'stopped' }
      let menu: ((command: unknown) => void) | null = null
      const calls: unknown[] = []
      Object.assign(window, {
        hostCalls: calls,
        sendMenu: (command: unknown) => menu?.(command),
        hamish: {
          appInfo: async () => ({ name: 'Hamish', version: '9.9.9', os: 'linux' }),
          startupArticle: async () => null,
          openArticle: async () => null,
          saveText: async () => null,
          setUiLanguage: async () => null,
          openDroppedArticle: async () => null,
          openRecentArticle: async () => null,
          onMenuCommand: (listener: (command: unknown) => void) => {
            menu = listener
            return () => (menu = null)
          },
          onImportProgress: () => () => undefined,
          hostingStatus: async () => status,
          stopHosting: async () => {
            calls.push(['stopHosting'])
            status = { state: 'stopped' }
            return status
          },
          hostSeminar: async (request: {
            port?: number
            article: { content: { type: string } }
          }) => {
            calls.push(['hostSeminar', request])
            if (request.port !== 0) {
              return { ok: false, problem: { kind: 'port-in-use', port: 4321 } }
            }
            status = {
              state: 'hosting',
              serverUrl: 'http://192.0.2.7:38211/',
              canStop: true,
              seminars: [seminar],
            }
            return { ok: true, seminar }
          },
        },
      })
    })
    const reader = new ReaderPage(page)
    await reader.open(server.url)
    await page.evaluate(() =>
      (window as never as { sendMenu(c: object): void }).sendMenu({ command: 'host-seminar' }),
    )
    const dialog = page.getByTestId('dialog-host')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Admin token of the server')).toHaveCount(0)
    await page.keyboard.press('Enter')
    await expect(dialog.getByTestId('host-problem')).toContainText(
      'Port 4321 is already in use on this computer',
    )
    await page.screenshot({ path: 'e2e-artifacts/host-port-in-use-en.png' })
    await dialog.getByRole('button', { name: 'Host on any free port' }).click()
    await expect(dialog.getByTestId('host-join-code')).toHaveText('K7WQ-P3MD')
    await expect(dialog).toContainText('Hosted at http://192.0.2.7:38211/')

    const calls = await page.evaluate(() => (window as never as { hostCalls: unknown[] }).hostCalls)
    expect(calls).toHaveLength(2)
    expect(calls[1]).toEqual([
      'hostSeminar',
      expect.objectContaining({
        title: ARABIC_TITLE,
        port: 0,
        settings: { postBeforeSeeing: false, anonymousToPeers: false },
        article: expect.objectContaining({ content: expect.objectContaining({ type: 'doc' }) }),
      }),
    ])
    expect(calls[1]).not.toHaveProperty('1.adminToken')

    await dialog.getByRole('button', { name: 'Stop hosting' }).click()
    const confirm = dialog.getByRole('alert')
    await expect(confirm).toContainText('Stop hosting? Students are disconnected')
    await expect(confirm.getByRole('button', { name: 'Keep hosting' })).toBeFocused()
    await confirm.getByRole('button', { name: 'Stop hosting' }).click()
    await expect(dialog.getByRole('status')).toHaveText(
      'Hosting has stopped. Everything is saved on this computer.',
    )
    expect(
      await page.evaluate(() => (window as never as { hostCalls: unknown[] }).hostCalls),
    ).toContainEqual(['stopHosting'])
  })
})
