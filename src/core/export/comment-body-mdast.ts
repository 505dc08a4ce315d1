import type { Code, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { safeLinkHref } from '../article/link-href'
import { mayFormatAsMarkdown } from '../annotations/comment-markdown-budget'
import {
  mayHoldAutolinkLiteral,
  parseMarkdownUnchecked,
} from '../annotations/comment-markdown-parser'
import { textParagraphs } from '../annotations/comment-text-tree'
import { markedProseBlocks, plainProseBlocks } from './prose-blocks'

/** What a comment may add to the list item that holds it: nothing that has structure of its own. */
export type CommentBlock = Paragraph | Code

/**
 * A comment body (Markdown source) as blocks that can sit inside the export's list item without
 * changing the export's structure. Paragraphs keep their emphasis, code and safe links; code
 * blocks stay code. Headings, quotes, lists, tables, rules, raw HTML and link definitions would
 * add headings, blockquotes and list items to the export, so they are written as the text the
 * author typed, escaped, line by line. Links other than http(s) and mailto lose their target,
 * and HTML is text: the export, opened in any Markdown viewer, runs nothing.
 */
export function commentBodyBlocks(body: string): CommentBlock[] {
  if (body.trim() === '') return []
  return proseBlocks(body) ?? parsedBodyBlocks(body)
}

/**
 * A comment read without the parser, where it holds no Markdown, or emphasis and links only, or
 * is too costly to parse (then as the text typed, as the margin's card shows it).
 */
function proseBlocks(body: string): CommentBlock[] | null {
  const plain = plainProseBlocks(body)
  if (plain !== null) return plain
  if (!mayFormatAsMarkdown(body)) return textParagraphs(body)
  const marked = markedProseBlocks(body)
  return marked === null ? null : commentBlocksOf(marked, body)
}

/**
 * What each parsed document starts with: the parser drops a byte-order mark that starts one, and
 * every position after it would be one off. After a line break it is text like any other.
 */
const DOCUMENT_START = '\n'

/**
 * Any comment, through the Markdown parser; or, when parsing it would cost too much (see
 * comment-markdown-budget.ts), as the text typed, as the margin's card shows it.
 */
export function parsedBodyBlocks(body: string): CommentBlock[] {
  if (!mayFormatAsMarkdown(body)) return textParagraphs(body)
  const source = `${DOCUMENT_START}${body}`
  return commentBlocksOf(parseMarkdownUnchecked(source).children, source)
}

/**
 * Many comments through the parser at once, in the same order. Setting the parser up costs more
 * than parsing a short comment, so they are parsed in two documents: those that might hold a bare
 * URL, and the rest, which the parser reads faster. A comment too costly to parse is not in either.
 */
export function parsedBodiesBlocks(bodies: readonly string[]): CommentBlock[][] {
  const out: CommentBlock[][] = []
  const group = bodies.map((body) =>
    mayFormatAsMarkdown(body) ? mayHoldAutolinkLiteral(body) : null,
  )
  group.forEach((mayLink, index) => {
    if (mayLink === null) out[index] = textParagraphs(bodies[index] as string)
  })
  for (const wanted of [false, true]) {
    const indexes = [...bodies.keys()].filter((index) => group[index] === wanted)
    const blocks = parsedTogether(indexes.map((index) => bodies[index] as string))
    indexes.forEach((index, at) => (out[index] = blocks[at] as CommentBlock[]))
  }
  return out
}

/**
 * Comments parsed as one document, each after a blank line, and split again by where each block
 * starts. A blank line ends every block that a following comment cannot continue; where one
 * comment's block reaches into the next (an unclosed code fence or HTML block, a list the next
 * comment carries on) or a link definition would name links in others, each is parsed alone.
 */
function parsedTogether(bodies: readonly string[]): CommentBlock[][] {
  if (bodies.length < 2) return bodies.map(parsedBodyBlocks)
  const starts: number[] = []
  let source = DOCUMENT_START
  for (const body of bodies) {
    starts.push(source.length)
    source += `${body}\n\n`
  }
  const tree = parseMarkdownUnchecked(source)
  if (tree.children.some(definesNames)) return bodies.map(parsedBodyBlocks)

  const groups: RootContent[][] = bodies.map(() => [])
  let at = 0
  for (const node of tree.children) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return bodies.map(parsedBodyBlocks)
    while (at + 1 < bodies.length && start >= (starts[at + 1] as number)) at += 1
    const bodyStart = starts[at] as number
    if (start < bodyStart || end > bodyStart + (bodies[at] as string).length) {
      return bodies.map(parsedBodyBlocks)
    }
    groups[at]?.push(node)
  }
  return groups.map((nodes) => commentBlocksOf(nodes, source))
}

function definesNames(node: Nodes): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true
  return 'children' in node && (node.children as Nodes[]).some(definesNames)
}

function commentBlocksOf(nodes: readonly RootContent[], source: string): CommentBlock[] {
  return nodes.flatMap((node): CommentBlock[] => {
    if (node.type === 'paragraph') {
      const children = node.children.flatMap((child) => phrasing(child, source))
      return children.length === 0 ? [] : [{ type: 'paragraph', children }]
    }
    if (node.type === 'code') {
      const lang = node.lang && /^[\w+#.-]+$/u.test(node.lang) ? node.lang : null
      return [{ type: 'code', lang, meta: null, value: node.value }]
    }
    return literalParagraphs(sourceOf(node, source))
  })
}

/**
 * The blocks of many comment bodies, in the same order: prose read directly, the rest through the
 * parser in one go. (Each body is parsed, even one that repeats another: no export is faster for
 * comments that happen to be the same.)
 */
export function commentBodiesBlocks(bodies: readonly string[]): CommentBlock[][] {
  const out: CommentBlock[][] = []
  const toParse: number[] = []
  bodies.forEach((body, index) => {
    const prose = body.trim() === '' ? [] : proseBlocks(body)
    if (prose === null) toParse.push(index)
    out.push(prose ?? [])
  })
  const parsed = parsedBodiesBlocks(toParse.map((index) => bodies[index] as string))
  toParse.forEach((index, at) => (out[index] = parsed[at] as CommentBlock[]))
  return out
}

/** Text as typed, one paragraph per run of lines, each line break kept. */
export function literalParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n(?:[ \t]*\r?\n)+/u)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => ({ type: 'paragraph', children: linesAsPhrasing(chunk) }))
}

/** Lines of text, joined by hard breaks. */
export function linesAsPhrasing(text: string): PhrasingContent[] {
  if (!text.includes('\n')) return [{ type: 'text', value: text }]
  return text.split(/\r?\n/u).flatMap((line, index): PhrasingContent[] => {
    const value: PhrasingContent = { type: 'text', value: line }
    return index === 0 ? [value] : [{ type: 'break' }, value]
  })
}

function phrasing(node: PhrasingContent, source: string): PhrasingContent[] {
  const inside = (children: readonly PhrasingContent[]): PhrasingContent[] =>
    children.flatMap((child) => phrasing(child, source))
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return [{ type: node.type, value: node.value }]
    case 'break':
      return [{ type: 'break' }]
    case 'emphasis':
    case 'strong':
    case 'delete':
      return [{ type: node.type, children: inside(node.children) }]
    case 'link': {
      const url = safeLinkHref(node.url)
      const children = inside(node.children)
      return url === null ? children : [{ type: 'link', url, title: null, children }]
    }
    case 'image': {
      // An image in an exported file would be fetched by whoever opens it: a link instead.
      const url = safeLinkHref(node.url)
      const label: PhrasingContent = { type: 'text', value: node.alt || node.url }
      return url === null ? [label] : [{ type: 'link', url, title: null, children: [label] }]
    }
    case 'html':
      return [{ type: 'text', value: node.value }]
    default:
      // References (whose definitions are written as text) and footnotes: as typed.
      return [{ type: 'text', value: sourceOf(node, source) }]
  }
}

function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return ''
  return source.slice(start, end)
}
