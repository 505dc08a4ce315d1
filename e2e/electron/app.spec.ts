import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, expect, test } from '@playwright/test'
import type { ElectronApplication } from '@playwright/test'
import { electronBinaryAvailable, electronExecutable } from '../support/electron'

test.skip(
  !electronBinaryAvailable(),
  'Electron binary not installed here (it is fetched on first run on a connected machine)',
)

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const ARTICLE_TITLE = 'الدبلوماسية الدفاعية وتأثيرها في الامن الوطني العراقي'

let app: ElectronApplication

test.beforeAll(async () => {
  const args = [path.join(packageRoot, 'dist', 'electron', 'main.cjs')]
  // Chromium will not start its sandbox as root (CI containers).
  if (process.getuid?.() === 0) args.unshift('--no-sandbox')
  app = await electron.launch({
    executablePath: electronExecutable() ?? undefined,
    args,
    cwd: packageRoot,
  })
})

test.afterAll(async () => {
  await app?.close()
})

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

test('exposes exactly the four bridge functions and no Node', async () => {
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
    functions: ['appInfo', 'openArticle', 'saveText', 'startupArticle'],
    keys: 4,
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  })
})

test('answers appInfo through the bridge and refuses a malformed save request', async () => {
  const window = await app.firstWindow()
  const info = await window.evaluate(() => {
    const bridge = (globalThis as unknown as { hamish: { appInfo(): Promise<unknown> } }).hamish
    return bridge.appInfo()
  })
  expect(info).toMatchObject({ name: 'Hamish', version: expect.any(String), os: process.platform })

  const refusal = await window.evaluate(() => {
    const bridge = (globalThis as unknown as { hamish: { saveText(r: unknown): Promise<unknown> } })
      .hamish
    return bridge
      .saveText({ suggestedName: '../../.bashrc', mimeType: 'text/plain', text: 'x' })
      .then(
        () => 'saved',
        (error: Error) => error.message,
      )
  })
  expect(refusal).toMatch(
    /^Hamish refused an IPC call on "file:save-text" with an invalid request: /,
  )
})
