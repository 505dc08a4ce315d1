import type { Nodes, PhrasingContent, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Annotation } from './annotation'
import { parseCommentMarkdown } from './comment-markdown-parser'

/**
 * A comment's Markdown as the words a reader sees, on one line: for previews such as the
 * annotation list, where the Markdown's marks (`**`, `[…](…)`, `#`) would be noise. Emphasis,
 * links and code become their text; HTML stays the text it was typed as (it is shown as text,
 * never parsed); paragraphs, list items and line breaks become single spaces.
 */
export function commentPlainText(markdown: string): string {
  // Most comments are plain prose: with nothing Markdown gives meaning to, parsing would only
  // give back the text; it costs tens of microseconds a comment, and a list shows thousands.
  if (!mayHoldMarkdown(markdown)) return oneLine(markdown)
  return plainTextOfTree(parseCommentMarkdown(markdown))
}

/** `commentPlainText` of Markdown already parsed (by `parseCommentMarkdown`). */
export function plainTextOfTree(tree: Root): string {
  const pieces: string[] = []
  collect(tree, pieces)
  return oneLine(pieces.join(' '))
}

const plainTexts = new WeakMap<Annotation, string>()

/** `commentPlainText` of an annotation's body, worked out once per annotation (they are immutable). */
export function plainBodyOf(annotation: Annotation): string {
  let text = plainTexts.get(annotation)
  if (text === undefined) {
    text = commentPlainText(annotation.body)
    plainTexts.set(annotation, text)
  }
  return text
}

/**
 * Whether a text may be more than plain prose to CommonMark + GFM: it holds a character of
 * inline syntax (emphasis, code, links, images, HTML, escapes, character references, strikethrough,
 * tables), or a line starts with a block's marker (heading, quote, list, thematic break, setext
 * underline). Bare URLs need no test: an autolink literal's text is the URL as written.
 */
export function mayHoldMarkdown(text: string): boolean {
  return MAY_HOLD_MARKDOWN.test(text)
}

const MAY_HOLD_MARKDOWN = /[\\`*_~[\]!<>&|]|^[ \t]*(?:[#>+=-]|\d{1,9}[.)])/mu

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/** A hard line break, which `toString` would drop, gluing the words on either side together. */
const LINE_BREAK_AS_SPACE: PhrasingContent = { type: 'text', value: ' ' }

/** Each block's text, in order; blocks of phrasing (paragraph, heading, cell) as one piece each. */
function collect(node: Nodes, pieces: string[]): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const children = node.children.map((child) =>
      child.type === 'break' ? LINE_BREAK_AS_SPACE : child,
    )
    pieces.push(toString(children))
  } else if ('children' in node) {
    for (const child of node.children) collect(child, pieces)
  } else {
    pieces.push(toString(node))
  }
}
