import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import type { CreateSeminarResponse } from '../src/core/seminar/seminar-api'
import { connectClient } from '../src/server/seminar/test-support/sync-client'
import { ARABIC_PASSAGE, ReaderPage } from './pages/reader-page'
import { serveForThisFile } from './support/serve-for-this-file'

/*
 * Issue 4 end to end: an instructor and students in separate browser contexts (separate
 * devices, as far as storage goes) against a real `hamish serve`.
 */

test.describe.configure({ mode: 'serial' })
test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const FIRST = ARABIC_PASSAGE
const SECOND = 'الدبلوماسية الدفاعية أنشطة غير عنفيه'
const THIRD = 'الامن الوطني العراقي'
const FOURTH = 'ماهية الدبلوماسية الدفاعية واهدافها'

const server = serveForThisFile()
let seminar: CreateSeminarResponse
const contexts: BrowserContext[] = []

test.beforeAll(async () => {
  const response = await fetch(new URL('api/seminars', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Week 3', instructorName: 'Dr Huda' }),
  })
  expect(response.status).toBe(201)
  seminar = (await response.json()) as CreateSeminarResponse
})

test.afterAll(async () => {
  for (const context of contexts) await context.close()
})

async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  contexts.push(context)
  return context.newPage()
}

const syncStatus = (page: Page) => page.getByTestId('sync-status')

async function joinAs(page: Page, name: string): Promise<ReaderPage> {
  await page.goto(seminar.joinUrl)
  const dialog = page.getByTestId('join-dialog')
  await expect(dialog).toBeVisible()
  // The link filled in the code and removed it from the address bar.
  await expect(dialog.getByTestId('join-code')).toHaveValue(seminar.joinCode)
  expect(page.url()).not.toContain(seminar.joinCode)
  await dialog.getByTestId('join-name').fill(name)
  // What was typed survives the article behind the dialog finishing loading.
  await new ReaderPage(page).waitForArticle()
  await expect(dialog.getByTestId('join-name')).toHaveValue(name)
  await dialog.getByTestId('join-submit').click()
  await expect(dialog).toBeHidden()
  const reader = new ReaderPage(page)
  await reader.waitForArticle()
  await expect(syncStatus(page)).toHaveAttribute('data-state', 'online')
  return reader
}

async function membershipOf(page: Page): Promise<{ userId: string; token: string }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('hamish.seminars.v1') ?? '[]')[0])
}

let teacher: ReaderPage
let amal: ReaderPage

test('a student joins by link and highlights; the instructor sees it', async ({ browser }) => {
  const teacherPage = await device(browser)
  await teacherPage.goto(seminar.instructorUrl)
  teacher = new ReaderPage(teacherPage)
  await teacher.waitForArticle()
  expect(teacherPage.url()).not.toContain('token=')
  await expect(syncStatus(teacherPage)).toHaveAttribute('data-state', 'online')

  amal = await joinAs(await device(browser), 'Amal')
  await amal.selectText(FIRST)
  await amal.page.keyboard.press('Control+Shift+H')
  await expect(amal.highlightOf(FIRST)).toHaveCount(1)
  const started = Date.now()
  await expect(teacher.highlightOf(FIRST)).toHaveCount(1)
  test.info().annotations.push({
    type: 'propagation',
    description: `student highlight reached the instructor's page in ${Date.now() - started} ms`,
  })

  // The instructor sees who is in the seminar, and that Amal is online.
  await teacher.page.getByTestId('tab-members').click()
  const amalRow = teacher.page.getByTestId('member').filter({ hasText: 'Amal' })
  await expect(amalRow).toHaveAttribute('data-online', 'true')
  // …and filters the annotation list down to hers.
  await amalRow.getByRole('button', { name: 'Show only Amal’s annotations' }).click()
  const list = teacher.page.getByTestId('annotation-list')
  const authors = list.getByRole('group', { name: 'Author' })
  await expect(authors.getByRole('button', { name: /Amal/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(list).toContainText('1 of 1')
})

test("a student's instructor-only comment reaches the instructor and no other student", async ({
  browser,
}) => {
  await amal.selectText(SECOND)
  await amal.page.keyboard.press('Control+Alt+M')
  const composer = amal.page.getByTestId('composer')
  await composer.getByLabel('Comment (Markdown)').fill('For the instructor only')
  await composer.getByLabel('Who can see it').selectOption('instructors')
  await amal.page.keyboard.press('Control+Enter')
  await expect(amal.card('For the instructor only')).toBeVisible()
  await expect(teacher.card('For the instructor only')).toBeVisible()

  const basma = await joinAs(await device(browser), 'Basma')
  // Amal's class highlight reaches Basma; her instructor-only comment does not.
  await expect(basma.highlightOf(FIRST)).toHaveCount(1)
  await expect(basma.card('For the instructor only')).toHaveCount(0)
  await expect(basma.highlightOf(SECOND)).toHaveCount(0)

  // Nor can Basma's own token open Amal's instructor document directly.
  const { token } = await membershipOf(basma.page)
  const { userId } = await membershipOf(amal.page)
  const direct = connectClient(
    new URL('sync', server.url).toString().replace(/^http/, 'ws'),
    `seminar:${seminar.seminarId}:user:${userId}:instructor`,
    token,
  )
  try {
    expect(await direct.outcome).toMatchObject({ ok: false })
  } finally {
    direct.destroy()
  }
})

test('a student works offline, reloads offline, and the work arrives when they reconnect', async () => {
  const context = amal.page.context()
  await context.setOffline(true)
  await expect(syncStatus(amal.page)).toHaveAttribute('data-state', 'offline')
  await amal.selectText(THIRD)
  await amal.page.keyboard.press('Control+Shift+H')
  await expect(amal.highlightOf(THIRD)).toHaveCount(1)
  await expect(syncStatus(amal.page)).not.toHaveAttribute('data-unsynced', '0')

  await amal.page.reload()
  await amal.waitForArticle()
  await expect(amal.highlightOf(THIRD)).toHaveCount(1)
  await expect(syncStatus(amal.page)).toHaveAttribute('data-state', 'offline')
  await expect(syncStatus(amal.page)).not.toHaveAttribute('data-unsynced', '0')
  await expect(teacher.highlightOf(THIRD)).toHaveCount(0)

  await context.setOffline(false)
  await expect(syncStatus(amal.page)).toHaveAttribute('data-state', 'online', { timeout: 30_000 })
  await expect(syncStatus(amal.page)).toHaveAttribute('data-unsynced', '0')
  await expect(teacher.highlightOf(THIRD)).toHaveCount(1)
})

test('the server restarts mid-session and nothing is lost', async () => {
  await server.restart()
  await expect(syncStatus(amal.page)).toHaveAttribute('data-state', 'online', { timeout: 30_000 })
  await amal.selectText(FOURTH)
  await amal.page.keyboard.press('Control+Shift+H')
  await expect(teacher.highlightOf(FOURTH)).toHaveCount(1, { timeout: 30_000 })
  await teacher.page.reload()
  await teacher.waitForArticle()
  for (const passage of [FIRST, THIRD, FOURTH]) {
    await expect(teacher.highlightOf(passage)).toHaveCount(1)
  }
  await expect(teacher.card('For the instructor only')).toBeVisible()
})

test('the switcher moves between reading alone and the seminar, each with its own notes', async () => {
  const switcher = amal.page.getByTestId('seminar-switcher')
  await switcher.selectOption({ label: 'Reading alone (this device)' })
  await amal.waitForArticle()
  await expect(syncStatus(amal.page)).toHaveCount(0)
  // Reading alone shows this device's own notes, not the seminar's.
  await expect(amal.highlightOf(FIRST)).toHaveCount(0)

  await switcher.selectOption({ index: 1 })
  await amal.waitForArticle()
  await expect(syncStatus(amal.page)).toHaveAttribute('data-state', 'online')
  for (const passage of [FIRST, THIRD, FOURTH])
    await expect(amal.highlightOf(passage)).toHaveCount(1)
})
