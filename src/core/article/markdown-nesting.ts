import { ArticleImportError, describeSource } from './article-import-error'

/**
 * The deepest quotes and lists a Markdown article may nest. micromark's container handling
 * costs about the square of the depth, so a file of a few hundred kilobytes nesting quotes
 * thousands deep keeps the parser busy for minutes; no article nests anywhere near this.
 */
export const MAX_MARKDOWN_NESTING = 100

/** How deep a line's containers go: each `>` and each two columns of indentation is a level. */
function nestingOf(line: string): number {
  let depth = 0
  let columns = 0
  for (const char of line) {
    if (char === '>') depth += 1
    else if (char === ' ') columns += 1
    else if (char === '\t') columns += 4
    else break
  }
  return depth + Math.floor(columns / 2)
}

/** @throws ArticleImportError when a line of `markdown` nests deeper than the limit. */
export function checkMarkdownNesting(markdown: string, fileName: string | undefined): void {
  for (const line of markdown.split('\n')) {
    if (nestingOf(line) <= MAX_MARKDOWN_NESTING) continue
    throw new ArticleImportError(
      'invalid-document',
      `${describeSource(fileName)} nests quotes or lists more than ${MAX_MARKDOWN_NESTING} levels deep, which no article does: it cannot be read as Markdown; save it as plain text to open it.`,
    )
  }
}
