import type { Paragraph, PhrasingContent, Root } from 'mdast'

/**
 * A comment's text as typed, as the tree of a Markdown document that holds no Markdown: a
 * paragraph for each run of lines between blank lines, a line break between its lines, and every
 * character kept (marks, spaces and all), so that whatever renders or exports a comment's tree
 * shows this one as its plain text.
 */
export function plainTextTree(text: string): Root {
  return { type: 'root', children: textParagraphs(text) }
}

/**
 * Text as typed, one paragraph per run of lines, each line break inside it kept (CR LF, LF or
 * CR); blank lines only part paragraphs.
 */
export function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+/u)
    .map((chunk) => chunk.replace(EDGE_BLANK_LINES, ''))
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => ({ type: 'paragraph', children: linesOf(chunk) }))
}

/** Blank lines at the start or end of a run of lines (the text's own first and last). */
const EDGE_BLANK_LINES = /^(?:[ \t]*(?:\r\n|\r|\n))+|(?:(?:\r\n|\r|\n)[ \t]*)+$/gu

function linesOf(text: string): PhrasingContent[] {
  return text.split(/\r\n?|\n/u).flatMap((line, index): PhrasingContent[] => {
    const value: PhrasingContent = { type: 'text', value: line }
    return index === 0 ? [value] : [{ type: 'break' }, value]
  })
}
