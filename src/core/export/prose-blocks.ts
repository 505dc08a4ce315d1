import type { Paragraph, PhrasingContent } from 'mdast'

/**
 * Comments read without the Markdown parser, exactly as it would read them. Parsing is the slow
 * part of an export, and most comments are prose with no Markdown in them, or with no more than
 * some emphasis and a link. Anything else is left to the parser (these return null).
 */

/** Anything that might be Markdown (or a lone CR or NUL, which the parser rewrites). */
const MARKDOWN_ANYWHERE = /[\\`*_[\]<>&~|\r\0]|https?:|mailto:|www\.|@/iu
/** At the start of a line: headings, quotes, list items, setext underlines, indented code. */
const MARKDOWN_AT_LINE_START = /^(?:[ ]{0,3}(?:[#>=+-]|\d+[.)])|[ ]{4}|[ ]*\t)/mu
/** Two spaces before a line break make a hard break; rare, and left to the parser. */
const HARD_BREAK_SPACES = / {2,}\r?\n/u

function isPlainProse(text: string): boolean {
  return !(
    MARKDOWN_ANYWHERE.test(text) ||
    MARKDOWN_AT_LINE_START.test(text) ||
    HARD_BREAK_SPACES.test(text)
  )
}

/**
 * The blocks of a comment with no Markdown syntax at all, as the parser would read them (one
 * paragraph per run of lines, each line's leading spaces dropped), or null when the comment
 * might hold some.
 */
export function plainProseBlocks(body: string): Paragraph[] | null {
  if (!isPlainProse(body)) return null
  return proseParagraphs(body).map((value) => ({
    type: 'paragraph',
    children: [{ type: 'text', value }],
  }))
}

/** The text of each paragraph of prose: runs of lines, each line without its edge spaces. */
function proseParagraphs(body: string): string[] {
  if (!body.includes('\n')) {
    const line = withoutEdgeSpaces(body)
    return line === '' ? [] : [line]
  }
  return body
    .split(/\n(?:[ \t]*\n)+/u)
    .map((chunk) => chunk.split('\n').map(withoutEdgeSpaces))
    .map((lines) => lines.join('\n').replace(/^\n+|\n+$/gu, ''))
    .filter((text) => text !== '')
}

function withoutEdgeSpaces(line: string): string {
  return line.replace(/^[ \t]+|[ \t]+$/gu, '')
}

/**
 * Emphasis in its common form: "*a word*" or "**a few words**" within one line. A pair here is a
 * whole run of one or two "*" (no "*" just before or after it), a letter, mark or digit just
 * inside each end, no "*", bracket or line break inside, and the same run closing it; a comment is
 * read this way only if no other "*" is left in it.
 *
 * By CommonMark's rules a run with a letter (not whitespace, not punctuation) after it can open
 * emphasis, and one with a letter before it can close, whatever lies outside them. The pairs have
 * no other "*" between them, and lengths of 1+1 or 2+2, never the multiple of 3 that stops a run
 * that can both open and close from pairing. So each pair opens and closes where it is found.
 */
const EMPHASIS = String.raw`(?<!\*)(?<marker>\*\*?)(?=[\p{L}\p{M}\p{N}])(?<emphasised>[^\n*[\]]*?[\p{L}\p{M}\p{N}])\k<marker>(?!\*)`

/**
 * A link in its common form: "[text](url)" within one line, not after "!" (an image), its text
 * without brackets, its URL without anything that means something in a link's destination: no
 * escape or character reference, space (before a title), parenthesis or angle bracket. The URL is
 * not text, so GFM looks for no bare link in it; the text stays, and must be plain prose.
 */
const LINK = String.raw`(?<!!)\[(?<text>[^\n[\]]+)\]\((?<url>[\w\-.~:/?#@!$+,;=%]+)\)`

const MARKED = new RegExp(`${EMPHASIS}|${LINK}`, 'gu')

/**
 * The paragraphs the parser would read from a comment whose only Markdown is emphasis and links
 * of those forms (without them it is plain prose), or null for any other comment.
 */
export function markedProseBlocks(body: string): Paragraph[] | null {
  const unmarked = body.replace(MARKED, '$<emphasised>$<text>')
  if (unmarked === body || !isPlainProse(unmarked)) return null
  // The pieces are the same in each paragraph: none reaches across lines or edge spaces.
  return proseParagraphs(body).map((text) => ({
    type: 'paragraph',
    children: markedPhrasing(text),
  }))
}

function markedPhrasing(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let from = 0
  for (const match of text.matchAll(MARKED)) {
    const { marker, emphasised, text: linked = '', url = '' } = match.groups ?? {}
    if (match.index > from) out.push({ type: 'text', value: text.slice(from, match.index) })
    if (emphasised !== undefined) {
      const value: PhrasingContent = { type: 'text', value: emphasised }
      out.push({ type: marker === '**' ? 'strong' : 'emphasis', children: [value] })
    } else {
      const value: PhrasingContent = { type: 'text', value: linked }
      out.push({ type: 'link', url, title: null, children: [value] })
    }
    from = match.index + match[0].length
  }
  if (from < text.length) out.push({ type: 'text', value: text.slice(from) })
  return out
}
