import { decodeArticleFile } from '../../src/core/article-file/article-file-problem'
import type { OpenedArticle } from '../../src/core/platform'
import { ArticleOpenError } from './article-open-error'

/** Turns a file the user picked in the browser into an article, or says why it cannot. */
export async function readArticleFile(file: File): Promise<OpenedArticle> {
  const decoded = decodeArticleFile(file.name, new Uint8Array(await file.arrayBuffer()))
  if (!decoded.ok) throw new ArticleOpenError(file.name, decoded.problem, decoded.problem.kind)
  // The importers (HTML, Markdown, papers) load with the first file opened, not with the page.
  const { importArticle } = await import('../../src/core/article/import-article')
  try {
    return {
      fileName: file.name,
      article: importArticle(decoded.text, { format: decoded.format, fileName: file.name }),
    }
  } catch (error) {
    throw new ArticleOpenError(
      file.name,
      null,
      error instanceof Error ? error.message : String(error),
    )
  }
}
