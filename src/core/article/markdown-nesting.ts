import { ArticleImportError, describeSource } from './article-import-error'

/**
 * The deepest quotes and lists a Markdown article may nest. micromark's container handling
 * costs about the square of the depth, so a file of a few hundred kilobytes nesting quotes
 * thousands deep keeps the parser busy for minutes; no article nests anywhere near this.
 */
export const MAX_MARKDOWN_NESTING = 100

/**
 * How deep a line's containers go: each `>`, each list marker and each two columns of
 * indentation is a level. A line of markers (`- - - …`, `1. 1. …`) nests a list in a list for
 * each: a few kilobytes of them kept micromark busy for seconds and then overflowed the stack.
 */
function nestingOf(line: string): number {
  let depth = 0
  let columns = 0
  let at = 0
  while (at < line.length) {
    const char = line[at]
    if (char === '>') depth += 1
    else if (char === ' ') columns += 1
    else if (char === '\t') columns += 4
    else {
      const marker = listMarkerLength(line, at)
      if (marker === 0) break
      depth += 1
      at += marker
      continue
    }
    at += 1
  }
  return depth + Math.floor(columns / 2)
}

const BULLETS = new Set(['-', '*', '+'])
/** CommonMark's longest ordered-list number. */
const MAX_ORDINAL_DIGITS = 9

/**
 * The length of the list-item marker at `at` (`-`, `*`, `+`, or a number then `.` or `)`), when
 * a space, a tab or the line's end follows it; 0 when there is none.
 */
function listMarkerLength(line: string, at: number): number {
  let end = at
  if (BULLETS.has(line[at] ?? '')) end += 1
  else {
    while (end - at < MAX_ORDINAL_DIGITS && isDigit(line[end])) end += 1
    if (end === at || (line[end] !== '.' && line[end] !== ')')) return 0
    end += 1
  }
  const after = line[end]
  return after === undefined || after === ' ' || after === '\t' ? end - at : 0
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
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
