import { expect, test, type Page } from '@playwright/test'
import { create } from 'qrcode'
import { startHamishServer, type RunningServer } from './support/hamish-server'
import { ARABIC_TITLE, ReaderPage } from './pages/reader-page'

let server: RunningServer

test.beforeAll(async () => {
  server = await startHamishServer()
})

test.afterAll(async () => {
  await server?.stop()
})

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
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('dialog-host')).toHaveCount(0)
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
  })
})
