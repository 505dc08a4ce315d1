import type { ArticleFileProblem } from '../../src/core/article-file/article-file-problem'

/** Opening an article failed; `problem` when the reason is known, so the UI can word it. */
export class ArticleOpenError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: ArticleFileProblem | null,
    detail: string,
  ) {
    super(detail)
    this.name = 'ArticleOpenError'
  }
}
