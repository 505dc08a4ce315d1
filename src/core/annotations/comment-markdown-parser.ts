import type { Root } from 'mdast'
import {
  fromMarkdown,
  type Extension as MdastExtension,
  type Options as FromMarkdownOptions,
} from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { mayFormatAsMarkdown } from './comment-markdown-budget'
import { isPlainProse, proseTree } from './comment-prose'
import { plainTextTree } from './comment-text-tree'

/** A comment body as read for showing or exporting it. */
export interface ReadComment {
  readonly tree: Root
  /** False when the body was too costly to parse: `tree` is then its text as typed. */
  readonly formatted: boolean
}

/**
 * A comment body's Markdown as an mdast tree, or, when parsing it could hold the page up (see
 * comment-markdown-budget.ts), its text as typed (paragraphs and line breaks, nothing parsed).
 * Bodies come from classmates' documents and imports too, so every reader of one goes through this.
 */
export function readCommentMarkdown(markdown: string): ReadComment {
  if (isPlainProse(markdown)) return { tree: proseTree(markdown), formatted: true }
  return mayFormatAsMarkdown(markdown)
    ? { tree: parseMarkdownUnchecked(markdown), formatted: true }
    : { tree: plainTextTree(markdown), formatted: false }
}

/** `readCommentMarkdown`'s tree. */
export function parseCommentMarkdown(markdown: string): Root {
  return readCommentMarkdown(markdown).tree
}

/**
 * Markdown (CommonMark + GFM) as an mdast tree, with positions, whatever it costs: only for text
 * made of comment bodies that each `mayFormatAsMarkdown`.
 *
 * GFM's autolink literals are its costly part: micromark tries one at the start of every word,
 * and the tree is then searched text node by text node for bare URLs and e-mail addresses. A text
 * with no "@", "www." or "http(s):" (nor an escape or character reference that could spell one)
 * cannot hold one, so it is parsed with them switched off; the tree is the same.
 */
export function parseMarkdownUnchecked(markdown: string): Root {
  return fromMarkdown(markdown, syntaxFor(markdown))
}

/**
 * Whether a text might hold a GFM autolink literal: it holds what starts one (an e-mail's "@",
 * "www.", "http:" and "https:", in any case), or "\" or "&", by which an escape or a character
 * reference could put those characters into a text node that the search for bare URLs reads.
 */
export function mayHoldAutolinkLiteral(markdown: string): boolean {
  return MAYBE_AUTOLINK_LITERAL.test(markdown)
}

const MAYBE_AUTOLINK_LITERAL = /[@&\\]|www\.|https?:/iu

/** micromark's names for the three kinds of autolink literal, as `disable` takes them. */
const AUTOLINK_LITERAL_CONSTRUCTS = ['wwwAutolink', 'protocolAutolink', 'emailAutolink']

/**
 * Both syntaxes made once: `gfm()` merges its five extensions each time it is called, which cost
 * as much as parsing a short comment.
 */
let gfmSyntax: FromMarkdownOptions | undefined
let gfmWithoutAutolinkLiterals: FromMarkdownOptions | undefined

function syntaxFor(markdown: string): FromMarkdownOptions {
  if (mayHoldAutolinkLiteral(markdown)) {
    gfmSyntax ??= { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }
    return gfmSyntax
  }
  gfmWithoutAutolinkLiterals ??= {
    extensions: [gfm(), { disable: { null: AUTOLINK_LITERAL_CONSTRUCTS } }],
    mdastExtensions: gfmFromMarkdown().filter((extension) => !readsAutolinkLiterals(extension)),
  }
  return gfmWithoutAutolinkLiterals
}

/** mdast-util-gfm's part for autolink literals: it alone turns their tokens into links. */
function readsAutolinkLiterals(extension: MdastExtension): boolean {
  return extension.enter != null && 'literalAutolink' in extension.enter
}
