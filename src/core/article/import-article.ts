import type { ArticleDoc, ArticleFormat } from './article-doc'
import { emptyArticleError } from './article-import-error'
import { importHtml } from './import-html'
import { importMarkdown } from './import-markdown'
import { importPaperText, looksLikePaperText } from './import-paper-text'
import { importPlainText } from './import-plain-text'

export interface ImportArticleOptions {
  format: ArticleFormat
  /** Named in error messages. */
  fileName?: string
}

/**
 * Reads an article file's text into a document. A `.txt` file that has a paper's structure (a
 * publisher's cover, an abstract, keywords, section headings) gets the paper importer, which
 * re-joins broken paragraphs and reads pandoc's inline markup; any other text is taken as
 * plain paragraphs, character for character, because those repairs would be guesses there.
 *
 * @throws ArticleImportError when the text is empty or holds nothing readable.
 */
export function importArticle(text: string, options: ImportArticleOptions): ArticleDoc {
  if (text.trim() === '') throw emptyArticleError(options.fileName)
  const importerOptions = options.fileName ? { fileName: options.fileName } : {}
  switch (options.format) {
    case 'md':
      return importMarkdown(text, importerOptions)
    case 'html':
      return importHtml(text, importerOptions)
    case 'txt':
      return looksLikePaperText(text)
        ? importPaperText(text, importerOptions)
        : importPlainText(text, importerOptions)
  }
}
