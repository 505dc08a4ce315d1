import { expect, type Locator, type Page } from '@playwright/test'

export const ARABIC_TITLE = 'الدبلوماسية الدفاعية وتأثيرها في الامن الوطني العراقي'
/** A sentence of the article's first section, the passage most tests annotate. */
export const ARABIC_PASSAGE = 'يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية'

/** The reader as a user sees it: the article, its outline and the reading controls. */
export class ReaderPage {
  readonly article: Locator
  readonly outline: Locator
  readonly toolbar: Locator
  readonly languageToggle: Locator
  readonly themeToggle: Locator
  readonly alert: Locator

  constructor(readonly page: Page) {
    this.article = page.getByTestId('article')
    this.outline = page.getByTestId('outline')
    this.toolbar = page.getByRole('toolbar')
    this.languageToggle = page.getByTestId('language-toggle')
    this.themeToggle = page.getByTestId('theme-toggle')
    this.alert = page.getByRole('alert')
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await this.waitForArticle()
  }

  async waitForArticle(): Promise<void> {
    await expect(this.article.locator('h1[data-role="title"]').first()).toHaveText(ARABIC_TITLE)
  }

  /** Opens a file through "Open article…", as a user picking it in the file dialog would. */
  async openFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.toolbar.getByRole('button', { name: 'Open article…' }).click()
    await (await chooser).setFiles(file)
  }

  /** Selects the first occurrence of `text` in the article, as a reader dragging over it would. */
  async selectText(text: string): Promise<void> {
    await this.article.focus()
    const found = await this.article.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + wanted.length)
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return true
      }
      return false
    }, text)
    if (!found) throw new Error(`"${text}" is not in one text run of the article`)
    // ProseMirror reads the DOM selection on selectionchange, a task later, and a shortcut
    // pressed before then finds nothing selected; the selection menu shows once it has read it.
    // (A fixed pause was too short on a loaded machine.)
    await expect(this.page.getByTestId('selection-menu')).toBeVisible()
  }

  /** Highlights `text` with the keyboard, as a reader would; returns the new highlight's id. */
  async highlightText(text: string): Promise<string> {
    await this.selectText(text)
    await this.page.keyboard.press('Control+Shift+H')
    await expect(this.highlightOf(text)).toHaveCount(1)
    const id = await this.highlightOf(text).getAttribute('data-annotation-id')
    if (id === null) throw new Error(`The highlight of "${text}" has no annotation id`)
    return id
  }

  /** Comments on `text` with the keyboard (Mod+Alt+M, then Mod+Enter to save). */
  async commentOn(text: string, body: string): Promise<void> {
    await this.selectText(text)
    await this.page.keyboard.press('Control+Alt+M')
    await this.page.getByTestId('composer').getByLabel('Comment (Markdown)').fill(body)
    await this.page.keyboard.press('Control+Enter')
  }

  /** Replies to the comment whose card shows `comment` (its Reply button, then Mod+Enter). */
  async replyTo(comment: string, body: string): Promise<void> {
    const card = this.card(comment)
    await card.getByRole('button', { name: 'Reply' }).click()
    await card.getByLabel('Reply (Markdown)').fill(body)
    await this.page.keyboard.press('Control+Enter')
  }

  /** Export… › Import annotations…: the import dialog, open. */
  async openImportDialog(): Promise<Locator> {
    await this.toolbar.getByRole('button', { name: 'Export…' }).click()
    await this.page
      .getByTestId('export-dialog')
      .getByRole('button', { name: 'Import annotations…' })
      .click()
    const dialog = this.page.getByTestId('import-dialog')
    await expect(dialog).toBeVisible()
    return dialog
  }

  /** Chooses a JSON file in the import dialog, as the reader would in the file picker. */
  async chooseImportFile(dialog: Locator, name: string, buffer: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await dialog.getByRole('button', { name: 'Choose a file…' }).click()
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer })
  }

  highlight(id: string): Locator {
    return this.article.locator(`[data-annotation-id="${id}"]`)
  }

  highlightOf(text: string): Locator {
    return this.article.locator('[data-annotation-id]').filter({ hasText: text })
  }

  card(text: string): Locator {
    return this.page.getByTestId('comment-card').filter({ hasText: text })
  }

  heading(text: string): Locator {
    return this.article.locator('h1, h2, h3').filter({ hasText: text })
  }

  paragraph(text: string): Locator {
    return this.article.locator('p').filter({ hasText: text }).first()
  }

  outlineEntry(text: string): Locator {
    return this.outline.getByRole('button', { name: text })
  }

  async direction(locator: Locator): Promise<string> {
    return locator.evaluate((element) => getComputedStyle(element).direction)
  }

  async fontSize(): Promise<number> {
    return this.article.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
  }
}
