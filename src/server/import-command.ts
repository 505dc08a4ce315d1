import { articleToMarkdown } from '../core/article/to-markdown'
import { writeStdout } from './cli-output'
import { loadArticleFile } from './load-article'

export const IMPORT_OUTPUT_FORMATS = ['json', 'md'] as const
export type ImportOutputFormat = (typeof IMPORT_OUTPUT_FORMATS)[number]

/** `hamish import <file>`: the parsed article on stdout, as the ArticleDoc JSON or as Markdown. */
export async function runImport(file: string, format: ImportOutputFormat): Promise<void> {
  const { article } = await loadArticleFile(file)
  await writeStdout(
    format === 'md' ? articleToMarkdown(article) : `${JSON.stringify(article, null, 2)}\n`,
  )
}
