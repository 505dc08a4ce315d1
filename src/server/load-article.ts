import { ArticleImportError, importArticle } from '../core/article'
import type { OpenedArticle } from '../core/platform'
import { cannotImport, readArticleFile } from './article-file'
import { bundledArticlePath } from './bundled-article'
import { ExitCode } from './hamish-error'

/** Reads and imports an article file; every problem is a `HamishError` naming the file. */
export async function loadArticleFile(path: string): Promise<OpenedArticle> {
  const { fileName, format, text } = await readArticleFile(path)
  try {
    return { fileName, article: importArticle(text, { format, fileName }) }
  } catch (error) {
    if (error instanceof ArticleImportError) {
      throw cannotImport(path, sentence(error.message), ExitCode.dataError, error)
    }
    throw error
  }
}

/** The article Hamish ships with; see `bundledArticlePath` for `resourcesDir`. */
export function loadBundledArticle(resourcesDir?: string): Promise<OpenedArticle> {
  return loadArticleFile(bundledArticlePath(resourcesDir))
}

function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
