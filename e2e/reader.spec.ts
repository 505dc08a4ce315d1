import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { serveForThisFile } from './support/serve-for-this-file'
import { ARABIC_TITLE, ReaderPage } from './pages/reader-page'

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } })

test('shows the bundled article right to left, with the English abstract left to right', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)

  await expect(page.getByTestId('article-title')).toHaveText(ARABIC_TITLE)
  const arabicParagraph = reader.paragraph('تعد الدبلوماسية الدفاعية أنشطة غير عنفيه')
  const englishAbstract = reader.paragraph('Defense diplomacy is non-violent activities')
  expect(await reader.direction(arabicParagraph)).toBe('rtl')
  expect(await reader.direction(englishAbstract)).toBe('ltr')
  expect(await reader.direction(reader.heading('Defensive diplomacy and its impact'))).toBe('ltr')
  expect(await reader.direction(reader.heading('المبحث الاول'))).toBe('rtl')
  // Arabic-Indic digits and mixed Latin come through as written.
  await expect(reader.article).toContainText('الحمود ٢٠٢٣م ، ١٧')
  await expect(reader.article).toContainText('inrasheed@uomusansiriyah.edu.iq')
})

test('jumps to a section from the outline', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const conclusion = reader.heading('الخاتمة')
  await expect(conclusion).not.toBeInViewport()
  await reader.outlineEntry('الخاتمة').click()
  await expect(conclusion).toBeInViewport()
  await expect
    .poll(() => conclusion.evaluate((element) => Math.round(element.getBoundingClientRect().top)))
    .toBeLessThan(200)
})

test('lists the headings as a hierarchy in the outline', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const levelOf = (text: string) =>
    reader.outline.locator('li').filter({ hasText: text }).first().getAttribute('data-level')
  expect(await levelOf('المبحث الاول')).toBe('1')
  expect(await levelOf('المطلب الاول: مفهوم الدبلوماسية الدفاعية')).toBe('2')
  expect(await levelOf('الخاتمة')).toBe('1')
})

test('asks for every face the first screen is set in with the page, not after laying it out', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await page.evaluate(() => document.fonts.ready)
  // A face found only when what uses it is styled arrives after the first layout, and swapping
  // it in lays the whole page out again: every one must come from the page's preloads.
  const faces = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /noto-(naskh|sans)-arabic-[\w-]+\.woff2$/.test(entry.name))
      .map((entry) => ({
        face: entry.name.replace(/^.*\/(noto-(?:naskh|sans)-arabic-[a-z-]+-\d+)-normal-.*$/, '$1'),
        initiator: (entry as PerformanceResourceTiming).initiatorType,
      })),
  )
  expect(faces.map((face) => face.face)).toEqual(
    expect.arrayContaining([
      'noto-naskh-arabic-arabic-400',
      'noto-naskh-arabic-latin-400',
      'noto-sans-arabic-arabic-400',
    ]),
  )
  for (const face of faces) expect(face, face.face).toMatchObject({ initiator: 'link' })
})

test('switches the UI language and mirrors the layout', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(reader.toolbar.getByRole('button', { name: 'Open article…' })).toBeVisible()
  await expect(reader.article).toHaveAttribute('aria-label', 'Article text')
  await expect(reader.article).toHaveAttribute('dir', 'rtl')
  const outlineBefore = await reader.outline.boundingBox()
  const articleBefore = await reader.article.boundingBox()
  expect(outlineBefore!.x).toBeLessThan(articleBefore!.x)

  await reader.languageToggle.click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(reader.toolbar.getByRole('button', { name: 'افتح مقالًا…' })).toBeVisible()
  await expect(reader.outline).toHaveAttribute('aria-label', 'المخطط')
  await expect(reader.article).toHaveAttribute('aria-label', 'نص المقال')
  await expect(reader.article).toHaveAttribute('lang', 'ar')
  const outlineAfter = await reader.outline.boundingBox()
  const articleAfter = await reader.article.boundingBox()
  expect(outlineAfter!.x).toBeGreaterThan(articleAfter!.x)

  // The choice is remembered.
  await page.reload()
  await reader.waitForArticle()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
})

test('seeds the article once: reloads and a second window do not duplicate it', async ({
  page,
  context,
}) => {
  const reader = new ReaderPage(page)
  const second = new ReaderPage(await context.newPage())
  await Promise.all([reader.open(server.url), second.open(server.url)])
  await page.reload()
  await reader.waitForArticle()
  for (const view of [reader, second]) {
    await expect(view.heading('المقدمة')).toHaveCount(1)
    await expect(view.article.locator('h1[data-role="title"]')).toHaveCount(2)
  }
})

test('keeps the publisher notice folded away until asked for', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const notice = reader.article.locator('details[data-type="front-matter"]')
  await expect(notice).toHaveCount(1)
  await expect(notice.getByText('الموسوعة السياسية هي مبادرة أكاديمية')).toBeHidden()
  await notice.locator('summary').focus()
  await page.keyboard.press('Enter')
  await expect(notice.getByText('الموسوعة السياسية هي مبادرة أكاديمية')).toBeVisible()
})

test('changes text size and theme, and remembers them', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const before = await reader.fontSize()
  await page.getByRole('button', { name: 'Larger text' }).click()
  await expect.poll(() => reader.fontSize()).toBeGreaterThan(before)
  await reader.themeToggle.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.reload()
  await reader.waitForArticle()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(() => reader.fontSize()).toBeGreaterThan(before)
})

test('refuses a binary file with a clear message and keeps the article open', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.openFile({
    name: 'scan.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xff]),
  })
  await expect(reader.alert).toContainText('Could not open “scan.txt”: it is not a text file.')
  await expect(page.getByTestId('article-title')).toHaveText(ARABIC_TITLE)
})

test('opens another article from a Markdown file', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.openFile({
    name: 'notes.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Reading notes\n\nA first paragraph.\n\n## مقدمة\n\nنص عربي قصير.\n'),
  })
  await expect(page.getByTestId('article-title')).toHaveText('Reading notes')
  expect(await reader.direction(reader.paragraph('نص عربي قصير'))).toBe('rtl')
  await expect(reader.outlineEntry('مقدمة')).toBeVisible()
})

for (const language of ['en', 'ar'] as const) {
  test(`has no serious accessibility violations and looks right (${language})`, async ({
    page,
  }, testInfo) => {
    const reader = new ReaderPage(page)
    await reader.open(server.url)
    if (language === 'ar') {
      await reader.languageToggle.click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
    }
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    )
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])

    mkdirSync('e2e-artifacts', { recursive: true })
    const path = `e2e-artifacts/reader-${language}.png`
    await page.screenshot({ path })
    await testInfo.attach(`reader-${language}`, { path, contentType: 'image/png' })
  })
}

test('says so, and what to do, when the browser will not open its local storage', async ({
  page,
}) => {
  // As a profile whose storage is switched off or damaged: IndexedDB refuses every database.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function open(name: string): IDBOpenDBRequest {
      throw new DOMException(`The user denied permission to open ${name}.`, 'SecurityError')
    }
  })
  await page.goto(server.url)
  await expect(page.getByRole('heading', { name: 'The article could not be opened' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText('local storage')
  await expect(page.getByRole('main')).toContainText('The user denied permission to open')
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  // The page carried the article for the first try; trying again asks the server afresh.
  const asked = page.waitForRequest((request) => request.url().endsWith('/api/article'))
  await page.getByRole('button', { name: 'Try again' }).click()
  await asked
  await expect(page.getByRole('main')).toContainText('The user denied permission to open')
})

test('opens the article its page carries, without asking the server for it', async ({ page }) => {
  const asked: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/article')) asked.push(request.url())
  })
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await expect(page.getByTestId('article-title')).toHaveText(ARABIC_TITLE)
  expect(asked).toEqual([])
  // Read once, and not kept in the page.
  await expect(page.locator('script[type="application/json"]')).toHaveCount(0)
})

test('starts without an Error or a request made from the top level of the app file', async ({
  page,
}) => {
  // V8 finds the line of a frame at a file's top level by parsing that whole top level again:
  // ~0.1 s for the app's file. It must when a stack is formatted, when a CSP refusal is
  // reported, and, with DevTools or this driver attached, for every new Error and request.
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { __madeFromAppTopLevel: seen })
    const fromAppTopLevel = (): boolean => {
      const saved = Error.prepareStackTrace
      Error.prepareStackTrace = (_error, frames) => frames
      const holder: { stack?: NodeJS.CallSite[] } = {}
      Error.captureStackTrace(holder)
      // The stack is prepared when first read.
      const frames = holder.stack ?? []
      Error.prepareStackTrace = saved
      // A module's top level is the one frame whose enclosing function starts at 1:1.
      return frames.some(
        (frame) =>
          /\/assets\/app-[^/]+\.js$/.test(frame.getFileName() ?? '') &&
          frame.getEnclosingLineNumber() === 1 &&
          frame.getEnclosingColumnNumber() === 1,
      )
    }
    const note = (what: string) => {
      if (fromAppTopLevel()) seen.push(what)
    }
    const NativeError = Error
    window.Error = new Proxy(NativeError, {
      construct(target, args: unknown[], newTarget: new (...args: unknown[]) => object) {
        note(`new Error(${String(args[0])})`)
        return Reflect.construct(target, args, newTarget)
      },
      apply(target, self: unknown, args: unknown[]) {
        note(`Error(${String(args[0])})`)
        return Reflect.apply(target, self, args)
      },
    })
    const nativeFetch = window.fetch
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      note(`fetch(${input instanceof Request ? input.url : String(input)})`)
      return nativeFetch.call(window, input, init)
    }
  })
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  expect(
    await page.evaluate(
      () => (window as { __madeFromAppTopLevel?: string[] }).__madeFromAppTopLevel,
    ),
  ).toEqual([])
})

test('reads the stored article once, asked for before the reader’s screen first renders', async ({
  page,
}) => {
  // main.tsx opens the startup reading ahead of React's first render (app/reader/reading-ahead.ts)
  // and the reader claims it: opened from the reader's effects instead, the article waited for
  // the shell to render and paint; opened twice, it was read twice.
  await page.addInitScript(() => {
    const opens: { name: string; afterFirstRender: boolean }[] = []
    Object.assign(window, { __databaseOpens: opens })
    const open = IDBFactory.prototype.open
    IDBFactory.prototype.open = function (name: string, version?: number): IDBOpenDBRequest {
      const root = document.getElementById('root')
      opens.push({ name, afterFirstRender: (root?.childElementCount ?? 0) > 0 })
      return version === undefined ? open.call(this, name) : open.call(this, name, version)
    }
  })
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const opens = await page.evaluate(
    () =>
      (window as { __databaseOpens?: { name: string; afterFirstRender: boolean }[] })
        .__databaseOpens ?? [],
  )
  const article = opens.filter(({ name }) => name.endsWith(':article'))
  expect(article).toEqual([{ name: expect.stringMatching(/:article$/), afterFirstRender: false }])
})

test('lays out only the blocks in view until the first screen is drawn, then the whole article', async ({
  page,
}) => {
  // Laying out the whole article (every line of its Arabic shaped) held the first screen back:
  // until it is drawn, blocks out of view are skipped (content-visibility), then laid out.
  await page.addInitScript(() => {
    const states: { block: number; skipped: boolean }[] = []
    Object.assign(window, { __blockStates: states })
    document.addEventListener(
      'contentvisibilityautostatechange',
      (event) => {
        const blocks = [...(document.querySelector('[data-testid="article"]')?.children ?? [])]
        if (
          event instanceof ContentVisibilityAutoStateChangeEvent &&
          event.target instanceof Element
        ) {
          states.push({ block: blocks.indexOf(event.target), skipped: event.skipped })
        }
      },
      { capture: true },
    )
  })
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await expect(page.locator('.article-column.first-screen-only')).toHaveCount(0)
  const states = await page.evaluate(
    () => (window as { __blockStates?: { block: number; skipped: boolean }[] }).__blockStates ?? [],
  )
  // The title was drawn from the first; blocks further down were skipped.
  expect(states.find(({ block }) => block === 0)).toEqual({ block: 0, skipped: false })
  expect(states.filter(({ skipped }) => skipped).length).toBeGreaterThan(10)
  // Now every block is laid out, the last included.
  const last = reader.article.locator(':scope > *').last()
  expect(await last.evaluate((block) => getComputedStyle(block).contentVisibility)).toBe('visible')
})

test('loads the date formats’ data in a worker while the page is built', async ({ page }) => {
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await expect.poll(() => workers.filter((url) => url.includes('intl-warm-up'))).toHaveLength(1)
})

test('draws the article once: mounting the editor does not draw it all again', async ({ page }) => {
  // A node view that TipTap hands over anew as the editor mounts made ProseMirror replace every
  // block it had drawn, and read the DOM selection back, which laid the whole article out then.
  await page.addInitScript(() => {
    const replaced: string[] = []
    Object.assign(window, { __replacedBlocks: replaced })
    new MutationObserver((records) => {
      for (const record of records) {
        const inArticle =
          record.target instanceof Element && record.target.closest('[data-testid="article"]')
        if (!inArticle) continue
        for (const node of record.removedNodes) {
          if (node instanceof HTMLElement && node.matches('h1, h2, p, details')) {
            replaced.push(`${node.tagName}: ${(node.textContent ?? '').slice(0, 40)}`)
          }
        }
      }
    }).observe(document, { subtree: true, childList: true })
  })
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await expect(reader.article.locator('details[data-type="front-matter"]')).toHaveCount(1)
  expect(
    await page.evaluate(() => (window as { __replacedBlocks?: string[] }).__replacedBlocks),
  ).toEqual([])
})
