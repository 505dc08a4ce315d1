export type ArticleImportProblem = 'empty' | 'no-text' | 'invalid-document'

/** An article file that cannot become a document; the message is meant for the reader. */
export class ArticleImportError extends Error {
  override readonly name = 'ArticleImportError'

  constructor(
    readonly problem: ArticleImportProblem,
    message: string,
  ) {
    super(message)
  }
}

/** "The file" or the quoted file name, for the start of an error sentence. */
export function describeSource(fileName: string | undefined): string {
  return fileName ? `“${fileName}”` : 'The file'
}

export function emptyArticleError(fileName: string | undefined): ArticleImportError {
  return new ArticleImportError(
    'empty',
    `${describeSource(fileName)} is empty: choose a file that contains the article's text.`,
  )
}
