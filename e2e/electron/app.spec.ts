import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, chromium, expect, test } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { chromiumLaunchOptions } from '../support/chromium'
import { electronBinaryAvailable, hamishLaunchOptions } from '../support/electron'

test.skip(
  !electronBinaryAvailable(),
  'Electron binary not installed here (it is fetched on first run on a connected machine)',
)

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const ARTICLE_TITLE = 'الدبلوماسية الدفاعية وتأثيرها في الامن الوطني العراقي'

let app: ElectronApplication
let home: string

test.beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'hamish-e2e-home-'))
  app = await electron.launch(hamishLaunchOptions(packageRoot, home))
})

test.afterAll(async () => {
  await app?.close()
  if (home) rmSync(home, { recursive: true, force: true })
})

/** The bridge functions this spec calls (the e2e project cannot import `src/core` types). */
type BridgeMethod =
  'appInfo' | 'saveText' | 'setUiLanguage' | 'openArticle' | 'openRecentArticle' | 'hostingStatus'

/** Calls one bridge function in the page, with a JSON argument, and returns its answer or error. */
function callBridge(
  window: Page,
  method: BridgeMethod,
  argument?: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  return window.evaluate(
    ([name, value]) => {
      const bridge = (globalThis as unknown as { hamish: Record<string, (v?: unknown) => unknown> })
        .hamish
      return Promise.resolve(bridge[name]?.(value)).then(
        (result) => ({ ok: true as const, value: result }),
        (error: Error) => ({ ok: false as const, error: error.message }),
      )
    },
    [method, argument] as const,
  )
}

/** The application menu's labels, top level and one level down, as the main process has them. */
function menuLabels(): Promise<string[][]> {
  return app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((item) => [
      item.label,
      ...(item.submenu?.items ?? []).map((child) => child.label),
    ]),
  )
}

test('opens one window on the bundled article, served from app://hamish', async () => {
  const window = await app.firstWindow()
  await expect(window.locator('[data-testid="article"]')).toContainText(ARTICLE_TITLE)
  expect(
    await window.evaluate(() => (globalThis as unknown as { location: URL }).location.href),
  ).toMatch(/^app:\/\/hamish\//)
  expect(app.windows()).toHaveLength(1)
})

test('applies the content security policy: no eval', async () => {
  const window = await app.firstWindow()
  const outcome = await window.evaluate(() => {
    try {
      new Function('return 1')()
      return 'eval ran'
    } catch (error) {
      return (error as Error).name
    }
  })
  expect(outcome).toBe('EvalError')
})

test('exposes exactly the bridge functions and no Node', async () => {
  const window = await app.firstWindow()
  const exposed = await window.evaluate(() => {
    const page = globalThis as unknown as Record<string, unknown>
    const bridge = (page['hamish'] ?? {}) as Record<string, unknown>
    return {
      functions: Object.keys(bridge)
        .filter((key) => typeof bridge[key] === 'function')
        .sort(),
      keys: Object.keys(bridge).length,
      require: typeof page['require'],
      process: typeof page['process'],
      module: typeof page['module'],
    }
  })
  expect(exposed).toEqual({
    functions: [
      'appInfo',
      'hostSeminar',
      'hostingStatus',
      'onImportProgress',
      'onMenuCommand',
      'openArticle',
      'openDroppedArticle',
      'openRecentArticle',
      'openText',
      'saveBytes',
      'saveText',
      'setUiLanguage',
      'startupArticle',
      'stopHosting',
    ],
    keys: 14,
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  })
})

test('answers appInfo through the bridge and refuses a malformed save request', async () => {
  const window = await app.firstWindow()
  const info = await callBridge(window, 'appInfo')
  expect(info).toMatchObject({
    ok: true,
    value: { name: 'Hamish', version: expect.any(String), os: process.platform },
  })
  const refusal = await callBridge(window, 'saveText', {
    suggestedName: '../../.bashrc',
    mimeType: 'text/plain',
    text: 'x',
  })
  expect(refusal).toMatchObject({
    ok: false,
    error: expect.stringMatching(
      /^Hamish refused an IPC call on "file:save-text" with an invalid request: /,
    ),
  })
})

test('has its menu in Arabic and in English, following the UI language', async () => {
  const window = await app.firstWindow()
  expect(await callBridge(window, 'setUiLanguage', 'ar')).toEqual({ ok: true, value: null })
  const arabic = await menuLabels()
  expect(arabic.map((menu) => menu[0])).toEqual(
    process.platform === 'darwin'
      ? ['هامش', 'ملف', 'تحرير', 'عرض', 'الحلقة الدراسية', 'نافذة', 'مساعدة']
      : ['ملف', 'تحرير', 'عرض', 'الحلقة الدراسية', 'مساعدة'],
  )
  expect(arabic.flat().join(' ')).toContain('افتح مقالًا…')

  expect(await callBridge(window, 'setUiLanguage', 'en')).toEqual({ ok: true, value: null })
  const english = await menuLabels()
  expect(english.flat()).toEqual(
    expect.arrayContaining([
      'File',
      'Open Article…',
      'View',
      'Seminar',
      'Host a Seminar on This Computer…',
      'Help',
    ]),
  )
  expect(await callBridge(window, 'setUiLanguage', 'fr')).toMatchObject({ ok: false })
})

test('sends a menu command to the page', async () => {
  const window = await app.firstWindow()
  await callBridge(window, 'setUiLanguage', 'en')
  await window.evaluate(() => {
    const page = globalThis as unknown as {
      hamish: { onMenuCommand(listener: (command: unknown) => void): () => void }
      receivedCommands: unknown[]
    }
    page.receivedCommands = []
    page.hamish.onMenuCommand((command) => page.receivedCommands.push(command))
  })
  await app.evaluate(({ Menu }) => {
    const view = Menu.getApplicationMenu()?.items.find((item) => item.label === 'View')
    view?.submenu?.items[0]?.click()
  })
  await expect
    .poll(() =>
      window.evaluate(
        () => (globalThis as unknown as { receivedCommands: unknown[] }).receivedCommands,
      ),
    )
    .toContainEqual({ command: 'zoom-in' })
})

test('opens a PDF, lists it under Recent Articles, and drops it when it vanishes', async () => {
  const window = await app.firstWindow()
  const pdfPath = path.join(home, 'paper.pdf')
  const document = await PDFDocument.create()
  const font = await document.embedFont(StandardFonts.Helvetica)
  document
    .addPage()
    .drawText('A paper read from its text layer.', { x: 50, y: 700, size: 12, font })
  writeFileSync(pdfPath, await document.save())

  // The open dialog answers with the file, as if the user had picked it.
  await app.evaluate(({ dialog }, picked) => {
    dialog.showOpenDialog = (() =>
      Promise.resolve({ canceled: false, filePaths: [picked] })) as typeof dialog.showOpenDialog
  }, pdfPath)
  const opened = await callBridge(window, 'openArticle')
  expect(opened).toMatchObject({ ok: true, value: { fileName: 'paper.pdf' } })
  expect((await menuLabels()).flat().some((label) => label.startsWith('paper.pdf — '))).toBe(true)

  expect(await callBridge(window, 'openRecentArticle', pdfPath)).toMatchObject({ ok: true })
  expect(await callBridge(window, 'openRecentArticle', '/etc/passwd')).toEqual({
    ok: false,
    error: 'Hamish refused to open "passwd": it is not in the recent articles list.',
  })

  rmSync(pdfPath)
  expect(await callBridge(window, 'openRecentArticle', pdfPath)).toMatchObject({
    ok: false,
    error: expect.stringMatching(/taken off Recent Articles\.$/),
  })
  expect((await menuLabels()).flat().some((label) => label.startsWith('paper.pdf — '))).toBe(false)
})

test('hosts a seminar and a browser joins it with the shown link and code', async () => {
  const window = await app.firstWindow()
  await callBridge(window, 'setUiLanguage', 'en')
  // The Seminar menu opens the host dialog in the page.
  await app.evaluate(({ Menu }) => {
    const seminar = Menu.getApplicationMenu()?.items.find((item) => item.label === 'Seminar')
    seminar?.submenu?.items[0]?.click()
  })
  const dialog = window.getByTestId('dialog-host')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('host-name').fill('Dr. Hanan')
  await dialog.locator('button[type="submit"]').click()
  // Port 4321 may be taken on this machine: the dialog then offers any free port.
  const result = dialog.getByTestId('host-result')
  const problem = dialog.getByTestId('host-problem')
  await expect(result.or(problem)).toBeVisible()
  if (await problem.isVisible()) {
    await problem.getByRole('button').click()
    await expect(result).toBeVisible()
  }
  const joinUrl = await dialog.getByTestId('host-join-link').inputValue()
  const code = (await dialog.getByTestId('host-join-code').textContent()) ?? ''
  const [, server, seminarId] = /^(http:\/\/[^/]+\/)join\/([a-z0-9-]+)#code=/.exec(joinUrl) ?? []
  expect(seminarId).toBeTruthy()
  expect(await callBridge(window, 'hostingStatus')).toMatchObject({
    ok: true,
    value: { state: 'hosting', serverUrl: server, canStop: true },
  })

  // A student's browser on the LAN: the app the desktop app serves, and the join API behind it.
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const page = await browser.newPage()
    await page.goto(joinUrl)
    await expect(page).toHaveTitle(/^(Hamish|هامش)$/)
    const joined = await page.evaluate(
      async ({ id, code }) => {
        const response = await fetch(`/api/seminars/${id}/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code, name: 'Amal' }),
        })
        return { status: response.status, body: (await response.json()) as unknown }
      },
      { id: seminarId as string, code },
    )
    expect(joined).toMatchObject({ status: 200, body: { role: 'student' } })

    // Stopping asks first, then closes the server for everyone.
    // The page speaks the system's language, which may be Arabic on this machine.
    const stopHosting = { name: /^(Stop hosting|أوقف الاستضافة)$/ }
    await dialog.getByRole('button', stopHosting).click()
    await dialog.getByRole('alert').getByRole('button', stopHosting).click()
    await expect(dialog.getByRole('status')).toHaveText(/Hosting has stopped|توقفت الاستضافة/)
    const after = await page.evaluate(() =>
      fetch('/api/health').then(
        () => 'answered',
        () => 'unreachable',
      ),
    )
    expect(after).toBe('unreachable')
  } finally {
    await browser.close()
  }
})
