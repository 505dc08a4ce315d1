import { ArticleImportError, importArticle } from '../core/article'
import type { ArticleDoc } from '../core/article/article-doc'
import type { OpenedArticle } from '../core/platform'
import {
  cannotImport,
  documentFormatFromFileName,
  readArticleFile,
  readDocumentFile,
} from './article-file'
import type { DocumentFormat } from './article-file'
import { bundledArticlePath } from './bundled-article'
import { ExitCode } from './hamish-error'
import { importDocx } from './import-docx'
import type { PageProgress } from './import-pdf'
import { importPdf } from './import-pdf'

export interface LoadArticleOptions {
  /** Called as a long import (a PDF's pages) advances. */
  onProgress?: (progress: PageProgress) => void
}

/** Reads and imports an article file; every problem is a `HamishError` naming the file. */
export async function loadArticleFile(
  path: string,
  options: LoadArticleOptions = {},
): Promise<OpenedArticle> {
  const documentFormat = documentFormatFromFileName(path)
  try {
    if (documentFormat !== null) return await loadDocumentFile(path, documentFormat, options)
    const { fileName, format, text } = await readArticleFile(path)
    return { fileName, article: importArticle(text, { format, fileName }) }
  } catch (error) {
    if (error instanceof ArticleImportError) {
      throw cannotImport(path, sentence(error.message), ExitCode.dataError, error)
    }
    throw error
  }
}

async function loadDocumentFile(
  path: string,
  format: DocumentFormat,
  options: LoadArticleOptions,
): Promise<OpenedArticle> {
  const { fileName, bytes } = await readDocumentFile(path, format)
  const article: ArticleDoc =
    format === 'docx'
      ? await importDocx(bytes, { path })
      : await importPdf(bytes, {
          path,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        })
  return { fileName, article }
}

/** The article Hamish ships with; see `bundledArticlePath` for `resourcesDir`. */
export function loadBundledArticle(resourcesDir?: string): Promise<OpenedArticle> {
  return loadArticleFile(bundledArticlePath(resourcesDir))
}

function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
