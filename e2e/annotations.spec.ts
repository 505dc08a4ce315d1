import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { holdUserDocs } from './support/held-user-docs'
import { serveForThisFile } from './support/serve-for-this-file'
import { ARABIC_PASSAGE, ReaderPage } from './pages/reader-page'

const server = serveForThisFile()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

/** Sets a text field's value the way React sees a paste: the native setter, then one input event. */
async function pasteInto(field: Locator, text: string): Promise<void> {
  await field.evaluate((element: HTMLTextAreaElement, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!
    setter.call(element, value)
    element.dispatchEvent(new Event('input', { bubbles: true }))
  }, text)
}

test('highlights a selected Arabic passage with the keyboard, and keeps it after a reload', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const id = await reader.highlightText(ARABIC_PASSAGE)
  await expect(reader.highlight(id)).toHaveText(ARABIC_PASSAGE)

  await page.reload()
  await reader.waitForArticle()
  await expect(reader.highlight(id)).toHaveText(ARABIC_PASSAGE)
})

test('while the annotations are still opening, says so rather than "none", and a highlight asks to try again', async ({
  page,
}) => {
  const release = await holdUserDocs(page)
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await page.getByTestId('tab-notebook').click()
  await expect(page.getByTestId('notebook-unavailable')).toHaveText(
    'Opening your annotations and notebook…',
  )
  await page.getByTestId('tab-annotations').click()
  const list = page.getByTestId('annotation-list')
  await expect(list.getByRole('status')).toHaveText('Opening your annotations and notebook…')
  await expect(list).not.toContainText('No annotations yet')

  await reader.selectText(ARABIC_PASSAGE)
  await page.keyboard.press('Control+Shift+H')
  const notice = page.getByRole('alert').filter({ hasText: 'Your annotations are still opening' })
  await expect(notice).toBeVisible()
  await expect(reader.highlightOf(ARABIC_PASSAGE)).toHaveCount(0)

  // A comment written meanwhile is kept in its composer, and saves once they have opened.
  await reader.selectText('الدبلوماسية الدفاعية أنشطة غير عنفيه')
  await page.keyboard.press('Control+Alt+M')
  const composer = page.getByTestId('composer')
  await composer.getByLabel('Comment (Markdown)').fill('Written while they opened')
  await page.keyboard.press('Control+Enter')
  await expect(composer.getByRole('alert')).toContainText('Your annotations are still opening')

  await release()
  await expect(list).toContainText('No annotations yet')
  await page.keyboard.press('Control+Enter')
  await expect(reader.card('Written while they opened')).toBeVisible()
  await reader.highlightText(ARABIC_PASSAGE)
  await expect(list.locator('.list-entry')).toHaveCount(2)
})

test('a notice and a refused save on screen are re-worded when the interface language changes', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.article.focus()
  await page.keyboard.press('Control+Alt+M')
  const notice = page
    .getByRole('alert')
    .filter({ hasText: 'Select a passage of the article first.' })
  await expect(notice).toBeVisible()

  await reader.selectText(ARABIC_PASSAGE)
  await page.keyboard.press('Control+Alt+M')
  const composer = page.getByTestId('composer')
  await expect(composer.getByLabel('Comment (Markdown)')).toBeFocused()
  await page.keyboard.press('Control+Enter')
  await expect(composer.getByRole('alert')).toHaveText('Write something before saving.')

  await reader.languageToggle.click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'حدّد مقطعًا من المقال أولًا.' }),
  ).toBeVisible()
  await expect(composer.getByRole('alert')).toHaveText('اكتب شيئًا قبل الحفظ.')
})

test('comments in the margin, on the left of the Arabic article; replies, resolves, reopens', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.selectText('الدبلوماسية الدفاعية أنشطة غير عنفيه')
  await page.keyboard.press('Control+Alt+M')
  const composer = page.getByTestId('composer')
  await composer.getByLabel('Comment (Markdown)').fill('A **definition** worth quoting')
  await composer.getByLabel('Tags', { exact: true }).fill('#definition')
  await page.keyboard.press('Control+Enter')

  const card = reader.card('A definition worth quoting')
  await expect(card).toBeVisible()
  await expect(card.locator('strong')).toHaveText('definition')
  await expect(card).toContainText('#definition')
  const cardBox = await card.boundingBox()
  const articleBox = await reader.article.boundingBox()
  expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(articleBox!.x + 1)

  await card.getByRole('button', { name: 'Reply' }).click()
  await card.getByLabel('Reply (Markdown)').fill('I agree — see the second section.')
  await page.keyboard.press('Control+Enter')
  await expect(card).toContainText('I agree — see the second section.')

  await card.getByRole('button', { name: 'Resolve' }).click()
  await expect(card).toHaveAttribute('data-resolved', 'true')
  await card.getByRole('button', { name: 'Reopen' }).click()
  await expect(card).not.toHaveAttribute('data-resolved', 'true')
})

test('refuses to empty a comment that has replies, keeping the thread and saying what to do', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn('الدبلوماسية الدفاعية أنشطة غير عنفيه', 'A question to answer')
  const card = reader.card('A question to answer')
  await card.getByRole('button', { name: 'Reply' }).click()
  await card.getByLabel('Reply (Markdown)').fill('An answer')
  await page.keyboard.press('Control+Enter')
  await expect(card).toContainText('An answer')

  // Found by its reply: while the comment is being edited, its text is only in the text area.
  const thread = reader.card('An answer')
  await thread
    .locator('.annotation-entry[data-kind="comment"]')
    .getByRole('button', { name: 'Edit' })
    .click()
  const composer = thread.getByTestId('composer')
  await composer.getByLabel('Comment (Markdown)').fill('')
  await page.keyboard.press('Control+Enter')
  await expect(composer.getByRole('alert')).toHaveText(
    'This comment has replies, so it cannot be left empty. Write something, or delete the comment if you want it gone.',
  )
  await expect(composer).toBeVisible()
  await reader.languageToggle.click()
  await expect(composer.getByRole('alert')).toHaveText(
    'لهذا التعليق ردود، فلا يمكن تركه فارغًا. اكتب شيئًا، أو احذف التعليق إن كنت تريد إزالته.',
  )

  await composer.getByLabel('التعليق (Markdown)').press('Escape')
  await expect(thread).toContainText('A question to answer')
  await expect(thread).toContainText('An answer')
})

test('keeps a script in a comment inert', async ({ page }) => {
  const reader = new ReaderPage(page)
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  await reader.open(server.url)
  await reader.selectText('ظهرت الدبلوماسية الدفاعية')
  await page.keyboard.press('Control+Alt+M')
  const payload =
    '<img src=x onerror="alert(1)"> <script>alert(2)</script> [click](javascript:alert(3)) <svg onload=alert(4)>'
  await page.getByTestId('composer').getByLabel('Comment (Markdown)').fill(payload)
  await page.keyboard.press('Control+Enter')
  const card = reader.card('<script>alert(2)</script>')
  await expect(card).toBeVisible()
  await expect(card.locator('img, script, svg, iframe')).toHaveCount(0)
  await expect(card.locator('a')).toHaveCount(0)
  await card.getByText('click').click()
  await page.waitForTimeout(300)
  expect(dialogs).toBe(0)
  expect(page.url()).toBe(server.url)
})

test('filters and searches the annotation list, ignoring Arabic diacritics', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.selectText('الامن الوطني')
  await page.keyboard.press('Control+Alt+M')
  await page.getByTestId('composer').getByLabel('Comment (Markdown)').fill('سؤال عن الأَمْن القومي')
  await page.getByTestId('composer').getByLabel('Tags', { exact: true }).fill('#question')
  await page.keyboard.press('Control+Enter')
  await reader.selectText('المقومات الاساسية')
  await page.keyboard.press('Control+Shift+H')

  await page.getByTestId('tab-annotations').click()
  const list = page.getByTestId('annotation-list')
  await expect(list.locator('.list-entry')).toHaveCount(2)
  await list.getByRole('searchbox').fill('الامن')
  await expect(list.locator('.list-entry')).toHaveCount(1)
  await expect(list.locator('.list-entry')).toContainText('سؤال عن')
  await list.getByRole('searchbox').fill('')
  await list
    .getByRole('group', { name: 'Kind' })
    .getByRole('button', { name: /Highlights/ })
    .click()
  await expect(list.locator('.list-entry')).toHaveCount(1)
  await expect(list.locator('.list-entry')).toContainText('المقومات الاساسية')

  await list.locator('.list-entry').click()
  await expect(reader.highlightOf('المقومات الاساسية')).toHaveClass(/hl-active/)
  await expect(reader.highlightOf('المقومات الاساسية')).toBeInViewport()
})

/**
 * The left edges of `text`'s characters as laid out inside `locator` (its text may be split over
 * several text nodes): rising from first to last when it reads left to right on screen.
 */
async function characterLefts(locator: Locator, text: string): Promise<number[]> {
  return locator.evaluate((element, wanted) => {
    const characters: { node: Text; offset: number }[] = []
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let offset = 0; offset < (node.textContent ?? '').length; offset++) {
        characters.push({ node: node as Text, offset })
      }
    }
    const at = characters
      .map(({ node, offset }) => node.data[offset])
      .join('')
      .indexOf(wanted)
    if (at < 0) throw new Error(`"${wanted}" is not in "${element.textContent}"`)
    return characters.slice(at, at + wanted.length).map(({ node, offset }) => {
      const range = document.createRange()
      range.setStart(node, offset)
      range.setEnd(node, offset + 1)
      return range.getBoundingClientRect().left
    })
  }, text)
}

async function expectReadsLeftToRight(locator: Locator, text: string): Promise<void> {
  const lefts = await characterLefts(locator, text)
  expect(lefts, `"${text}" laid out left to right`).toEqual([...lefts].sort((a, b) => a - b))
}

test('in the Arabic interface, tag chips read "#question", and a suggested one says what it is for', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.languageToggle.click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await reader.selectText(ARABIC_PASSAGE)
  await page.keyboard.press('Control+Alt+M')
  const composer = page.getByTestId('composer')
  const chip = composer
    .getByRole('group', { name: 'وسوم مقترحة' })
    .getByRole('button')
    .filter({ hasText: 'question' })
  expect(await reader.direction(chip)).toBe('ltr')
  await expectReadsLeftToRight(chip, '#question')
  // The tag itself stays as it is shared (the same names in both languages); what it is for is
  // said in the interface's language. Isolate marks may wrap the tag.
  await expect(chip).toHaveAccessibleName(/^\u2068?#question\u2069? — سؤال للنقاش$/u)

  await composer.getByLabel('التعليق (Markdown)').fill('ما المقصود هنا؟')
  await chip.click()
  await expect(chip).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Control+Enter')
  const card = reader.card('ما المقصود هنا؟')
  await expect(card).toBeVisible()
  await expectReadsLeftToRight(card.locator('.chip').filter({ hasText: 'question' }), '#question')

  await page.getByTestId('tab-annotations').click()
  const facet = page.getByTestId('annotation-list').getByRole('group', { name: 'الوسم' })
  await expectReadsLeftToRight(facet.getByRole('button', { name: /question/ }), '#question')
})

test('the annotation list names each entry’s kind in the singular and shows a comment’s words without Markdown', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn(
    'الدبلوماسية الدفاعية أنشطة غير عنفيه',
    'تعريفٌ **مهمّ** للدبلوماسية، [المصدر](javascript:alert(1)) <b>عريض</b>',
  )
  await expect(page.getByTestId('comment-card')).toHaveCount(1)
  await reader.highlightText(ARABIC_PASSAGE)

  await page.getByTestId('tab-annotations').click()
  const list = page.getByTestId('annotation-list')
  const comment = list.locator('.list-entry').filter({ hasText: 'تعريفٌ' })
  const highlight = list.locator('.list-entry').filter({ hasText: ARABIC_PASSAGE })
  await expect(comment.locator('.list-body')).toHaveText(
    'تعريفٌ مهمّ للدبلوماسية، المصدر <b>عريض</b>',
  )
  await expect(comment.locator('a, b')).toHaveCount(0)
  await expect(comment.locator('.list-meta')).toHaveText('Me · Comment')
  await expect(highlight.locator('.list-meta')).toHaveText('Me · Highlight')

  await reader.languageToggle.click()
  await expect(comment.locator('.list-meta')).toHaveText(/· تعليق$/)
  await expect(highlight.locator('.list-meta')).toHaveText(/· تظليل$/)
})

test('a comment far below the first screen gets its card level with its passage after a reload', async ({
  page,
}) => {
  // The margin measures the passages below the first screens only once the page is idle.
  const passage = 'ركيزة اساسية وخطوة رئيسة لسلامة الدولة'
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn('تطوير القدرات العسكرية', 'near the top')
  await reader.commentOn(passage, 'in the conclusion')
  await expect(reader.card('in the conclusion')).toBeVisible()

  await page.reload()
  await reader.waitForArticle()
  await expect(reader.card('near the top')).toBeVisible()
  await reader.highlightOf(passage).scrollIntoViewIfNeeded()
  const card = reader.card('in the conclusion')
  await expect(card).toBeInViewport()
  const cardBox = await card.boundingBox()
  const passageBox = await reader.highlightOf(passage).boundingBox()
  expect(Math.abs(cardBox!.y - passageBox!.y)).toBeLessThan(4)
})

/** Following a notebook quote back: its passage scrolled into view and flashed (made active). */
async function expectPassageShown(reader: ReaderPage, passage: string): Promise<void> {
  await expect(reader.highlightOf(passage)).toBeInViewport()
  await expect(reader.highlightOf(passage)).toHaveClass(/hl-active/)
}

test('quotes a passage into the notebook and jumps back to it', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn('تطوير القدرات العسكرية', 'to the notebook')
  const card = reader.card('to the notebook')
  await card.getByRole('button', { name: 'Quote to notebook' }).click()

  const notebook = page.getByTestId('notebook')
  const quote = notebook.locator('blockquote[data-type="annotation-quote"]')
  await expect(quote).toHaveText('تطوير القدرات العسكرية')
  await page.keyboard.type('My own note.')
  await expect(notebook).toContainText('My own note.')

  await page.getByRole('heading', { name: 'الخاتمة' }).scrollIntoViewIfNeeded()
  await quote.click()
  await expectPassageShown(reader, 'تطوير القدرات العسكرية')

  await page.reload()
  await reader.waitForArticle()
  await expect(page.getByTestId('notebook')).toContainText('My own note.')
})

test('follows a notebook quote back to its passage from the keyboard, with Alt+Enter', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.commentOn('تطوير القدرات العسكرية', 'to the notebook')
  await reader.card('to the notebook').getByRole('button', { name: 'Quote to notebook' }).click()
  const quote = page.getByTestId('notebook').locator('blockquote[data-type="annotation-quote"]')
  await expect(quote).toHaveText('تطوير القدرات العسكرية')

  await page.getByRole('heading', { name: 'الخاتمة' }).scrollIntoViewIfNeeded()
  await expect(reader.highlightOf('تطوير القدرات العسكرية')).not.toBeInViewport()
  // The caret waits in the empty paragraph after the new quote; one line up is inside the quote.
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Alt+Enter')
  await expectPassageShown(reader, 'تطوير القدرات العسكرية')
  // The key followed the quote and did not also edit it.
  await expect(quote).toHaveText('تطوير القدرات العسكرية')
  await expect(quote.locator('p')).toHaveCount(1)
  // The quote's title tells of the key: its tooltip, which a screen reader speaks too.
  await expect(quote).toHaveAttribute('title', /Alt\+Enter/)
})

test('undoes and redoes a highlight', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.selectText('وتطوير القدرات العسكرية')
  await page.keyboard.press('Control+Shift+H')
  await expect(reader.highlightOf('وتطوير القدرات العسكرية')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(reader.highlightOf('وتطوير القدرات العسكرية')).toHaveCount(0)
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(reader.highlightOf('وتطوير القدرات العسكرية')).toHaveCount(1)
})

test('keeps annotations attached while the article is edited', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  const passage = 'فرضية البحث'
  await reader.selectText('تنطلق الدراسة من اشكالية رئيسة')
  await page.keyboard.press('Control+Shift+H')
  await expect(reader.highlightOf('تنطلق الدراسة من اشكالية رئيسة')).toHaveCount(1)

  // Not editing: typing changes nothing.
  await reader.heading(passage).click()
  await page.keyboard.type('xyz')
  await expect(reader.article).not.toContainText('xyz')

  await page.getByTestId('edit-article').click()
  await reader.heading(passage).click()
  await page.keyboard.press('End')
  await page.keyboard.type(' (edited)')
  await expect(reader.heading(passage)).toContainText('(edited)')
  await page.getByTestId('edit-article').click()
  await expect(reader.highlightOf('تنطلق الدراسة من اشكالية رئيسة')).toHaveCount(1)
  await page.reload()
  await reader.waitForArticle()
  await expect(reader.heading(passage)).toContainText('(edited)')
  await expect(reader.highlightOf('تنطلق الدراسة من اشكالية رئيسة')).toHaveCount(1)
})

for (const language of ['en', 'ar'] as const) {
  test(`annotated page: no serious accessibility violations (${language})`, async ({
    page,
  }, testInfo) => {
    const reader = new ReaderPage(page)
    await reader.open(server.url)
    if (language === 'ar') await reader.languageToggle.click()
    await reader.selectText('الاتصالات الثنائية او المتعددة الاطراف')
    await page.keyboard.press('Control+Alt+M')
    await page
      .getByTestId('composer')
      .locator('textarea')
      .fill(language === 'ar' ? 'تعليق للتجربة' : 'A test comment')
    await page.keyboard.press('Control+Enter')
    await reader.selectText('كبار المسؤولين العسكريين')
    await page.keyboard.press('Control+Shift+H')
    await page.getByTestId('tab-annotations').click()
    await expect(page.getByTestId('comment-card')).toHaveCount(1)

    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    )
    expect(
      serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`),
    ).toEqual([])

    mkdirSync('e2e-artifacts', { recursive: true })
    const path = `e2e-artifacts/annotations-${language}.png`
    await page.screenshot({ path })
    await testInfo.attach(`annotations-${language}`, { path, contentType: 'image/png' })
  })
}

test('moves between annotations with Alt+arrows and leaves with Escape', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.selectText('اهمية البحث')
  await page.keyboard.press('Control+Shift+H')
  await reader.selectText('منهجية البحث')
  await page.keyboard.press('Control+Shift+H')
  const first = reader.highlightOf('اهمية البحث')
  const second = reader.highlightOf('منهجية البحث')
  await expect(second).toHaveClass(/hl-active/)
  await page.keyboard.press('Alt+ArrowUp')
  await expect(first).toHaveClass(/hl-active/)
  await expect(second).not.toHaveClass(/hl-active/)
  await page.keyboard.press('Alt+ArrowDown')
  await expect(second).toHaveClass(/hl-active/)
  await page.keyboard.press('Escape')
  await expect(second).not.toHaveClass(/hl-active/)
})

test('highlights a selection spanning a heading and a paragraph', async ({ page }) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.article.focus()
  await reader.article.evaluate((root) => {
    const find = (text: string) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1
        if (at >= 0) return { node, at }
      }
      throw new Error(text)
    }
    const start = find('اشكالية البحث:')
    const end = find('تنطلق الدراسة')
    const range = document.createRange()
    range.setStart(start.node, start.at)
    range.setEnd(end.node, end.at + 'تنطلق الدراسة'.length)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
  })
  await page.waitForTimeout(50)
  await page.keyboard.press('Control+Shift+H')
  const parts = reader.article.locator('[data-annotation-id]')
  await expect(parts).toHaveCount(2)
  const ids = await parts.evaluateAll((elements) =>
    elements.map((e) => e.getAttribute('data-annotation-id')),
  )
  expect(new Set(ids).size).toBe(1)
  await expect(parts.first()).toHaveText('اشكالية البحث:')
  await expect(parts.last()).toHaveText('تنطلق الدراسة')
})

test('asks for a selection first, and changes or deletes a highlight from its card', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.article.focus()
  await page.keyboard.press('Control+Shift+H')
  await expect(reader.alert).toContainText('Select a passage of the article first.')

  await reader.selectText('الامنية الدولية الجديدة')
  await page.keyboard.press('Control+Shift+H')
  const highlight = reader.highlightOf('الامنية الدولية الجديدة')
  await expect(highlight).toHaveClass(/hl-yellow/)
  const card = page.getByTestId('highlight-card')
  await card.getByRole('button', { name: 'Highlight in green' }).click()
  await expect(highlight).toHaveClass(/hl-green/)
  await card.getByRole('button', { name: 'Delete' }).click()
  await expect(highlight).toHaveCount(0)
})

test('accepts a 100 KB comment without freezing, and refuses a longer one with a message', async ({
  page,
}) => {
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  await reader.selectText('الدبلوماسية الدفاعية كدبلوماسية')
  await page.keyboard.press('Control+Alt+M')
  const body = page.getByTestId('composer').getByLabel('Comment (Markdown)')
  // As a paste would: one input event. (Playwright's fill types it through the editing
  // machinery, which takes half a minute for 100 KB of Arabic in any textarea.)
  await pasteInto(body, 'نص طويل '.repeat(12_500).slice(0, 100_000))
  await expect(body).toHaveValue(/^نص طويل/)
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('comment-card')).toHaveCount(1)

  await reader.selectText('ولقد توسع استعمالها')
  await page.keyboard.press('Control+Alt+M')
  await pasteInto(
    page.getByTestId('composer').getByLabel('Comment (Markdown)'),
    'x'.repeat(100_001),
  )
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('composer').getByRole('alert')).toHaveText(
    'The comment is too long: at most 100000 characters.',
  )
  await expect(page.getByTestId('comment-card')).toHaveCount(1)
})

test('shows a comment too intricate to format as its plain text, saying so, and after a reload', async ({
  page,
}) => {
  // Quotes 2,000 deep overflowed the stack when drawn and blanked the page; 50,000 "*a" kept the
  // parser busy for twenty seconds. Each is within the length limit, and came back on every load.
  const comments = [
    { passage: 'تطوير القدرات العسكرية', body: `${'> '.repeat(2000)}x`, shows: '> > > > >' },
    {
      passage: 'ركيزة اساسية وخطوة رئيسة لسلامة الدولة',
      body: '*a'.repeat(50_000),
      shows: '*a*a*a*a*a',
    },
  ]
  const note = 'Shown as plain text: too long or intricate to format.'
  const reader = new ReaderPage(page)
  await reader.open(server.url)
  for (const { passage, body } of comments) {
    await reader.selectText(passage)
    await page.keyboard.press('Control+Alt+M')
    await pasteInto(page.getByTestId('composer').getByLabel('Comment (Markdown)'), body)
    await page.keyboard.press('Control+Enter')
    await expect(page.getByTestId('composer')).toHaveCount(0)
  }

  for (const reload of [false, true]) {
    if (reload) {
      await page.reload()
      await reader.waitForArticle()
    }
    for (const { passage, shows } of comments) {
      await reader.highlightOf(passage).scrollIntoViewIfNeeded()
      const card = reader.card(shows)
      await expect(card).toBeVisible()
      await expect(card.getByText(note)).toBeVisible()
      await expect(card.locator('blockquote, em, strong')).toHaveCount(0)
    }
    await expect(page.getByTestId('card-failed')).toHaveCount(0)
  }
})
