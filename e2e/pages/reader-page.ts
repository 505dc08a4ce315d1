import { expect, type Locator, type Page } from '@playwright/test'

export const ARABIC_TITLE = 'الدبلوماسية الدفاعية وتأثيرها في الامن الوطني العراقي'

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
