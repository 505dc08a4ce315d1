import type { ArticleBlock } from './article-blocks'
import { plainText } from './article-blocks'
import type { ArticleDoc } from './article-doc'
import { buildArticleDoc } from './article-doc-builder'
import { textLines } from './text-lines'

/*
 * Imports text with no structure but its blank lines: each run of lines is a paragraph (a
 * single line break inside one is a wrapped line, read as a space) and the first line is the
 * title. Characters are kept exactly as written; nothing is read as markup.
 */

/** A first paragraph of one line no longer than this is the title, shown as a heading. */
const MAX_TITLE_LENGTH = 200

export function importPlainText(text: string, options: { fileName?: string } = {}): ArticleDoc {
  const paragraphs = splitParagraphs(text)
  const title = paragraphs[0]?.[0]
  const blocks: ArticleBlock[] = paragraphs.map((lines, index) => {
    const inlines = [plainText(lines.join(' '))]
    const isTitle = index === 0 && lines.length === 1 && (lines[0]?.length ?? 0) <= MAX_TITLE_LENGTH
    return isTitle
      ? { type: 'heading', level: 1, role: 'title', inlines }
      : { type: 'paragraph', inlines }
  })
  return buildArticleDoc({
    blocks,
    meta: title ? { title } : {},
    ...(options.fileName ? { fileName: options.fileName } : {}),
  })
}

/** The non-blank lines of each paragraph, trimmed at their ends only. */
function splitParagraphs(text: string): string[][] {
  const paragraphs: string[][] = []
  let current: string[] = []
  for (const line of textLines(text)) {
    const trimmed = line.trim()
    if (trimmed === '') {
      if (current.length > 0) paragraphs.push(current)
      current = []
    } else {
      current.push(trimmed)
    }
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}
