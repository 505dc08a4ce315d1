import type { Code, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { fromMarkdown, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { safeLinkHref } from '../article/link-href'

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
  return plainProseBlocks(body) ?? parsedBodyBlocks(body)
}

/**
 * Parsing is the slow part of an export, and most comments are prose with no Markdown in them.
 * These find anything that might be Markdown (or a lone CR or NUL, which the parser rewrites).
 */
const MARKDOWN_ANYWHERE = /[\\`*_[\]<>&~|\r\0]|https?:|mailto:|www\.|@/iu
/** At the start of a line: headings, quotes, list items, setext underlines, indented code. */
const MARKDOWN_AT_LINE_START = /^(?:[ ]{0,3}(?:[#>=+-]|\d+[.)])|[ ]{4}|[ ]*\t)/mu
/** Two spaces before a line break make a hard break; rare, and left to the parser. */
const HARD_BREAK_SPACES = / {2,}\r?\n/u

/**
 * The blocks of a comment with no Markdown syntax at all, as the parser would read them (one
 * paragraph per run of lines, each line's leading spaces dropped), or null when the comment
 * might hold some.
 */
export function plainProseBlocks(body: string): Paragraph[] | null {
  if (MARKDOWN_ANYWHERE.test(body) || MARKDOWN_AT_LINE_START.test(body)) return null
  if (HARD_BREAK_SPACES.test(body)) return null
  return body
    .split(/\n(?:[ \t]*\n)+/u)
    .map((chunk) => chunk.split('\n').map((line) => line.replace(/^[ \t]+|[ \t]+$/gu, '')))
    .map((lines) => lines.join('\n').replace(/^\n+|\n+$/gu, ''))
    .filter((text) => text !== '')
    .map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] }))
}

/**
 * GFM's syntax, made once: `gfm()` merges its five extensions each time it is called, which cost
 * as much as parsing a short comment.
 */
let gfmSyntax: FromMarkdownOptions | undefined

function parse(markdown: string): Root {
  gfmSyntax ??= { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }
  return fromMarkdown(markdown, gfmSyntax)
}

/** Any comment, through the Markdown parser. */
export function parsedBodyBlocks(body: string): CommentBlock[] {
  return commentBlocksOf(parse(body).children, body)
}

/**
 * Many comments through the parser at once, in the same order. Setting the parser up costs more
 * than parsing a short comment, so they are parsed as one document, each after a marker (an HTML
 * comment at the start of a block, which ends whatever block came before). Where one comment
 * could reach into the next (an unclosed code fence or HTML block swallowing a marker, a link
 * definition that would name links in others), each is parsed alone instead.
 */
export function parsedBodiesBlocks(bodies: readonly string[]): CommentBlock[][] {
  if (bodies.length < 2) return bodies.map(parsedBodyBlocks)
  const markers = bodies.map((_, index) => `<!--hamish-comment-${index}-->`)
  const parts = bodies.map((body, index) => `${markers[index]}\n\n${body}\n\n`)
  const markerOffsets: number[] = []
  let offset = 0
  for (const part of parts) {
    markerOffsets.push(offset)
    offset += part.length
  }
  const source = parts.join('')
  const tree = parse(source)
  if (tree.children.some(definesNames)) return bodies.map(parsedBodyBlocks)

  // A marker is one where it was put, not a comment that happens to hold the same text.
  const isMarker = (node: RootContent, index: number): boolean =>
    node.type === 'html' &&
    node.value === markers[index] &&
    node.position?.start.offset === markerOffsets[index]
  const groups: RootContent[][] = []
  for (const node of tree.children) {
    if (isMarker(node, groups.length)) groups.push([])
    else if (groups.length === 0) return bodies.map(parsedBodyBlocks)
    else groups.at(-1)?.push(node)
  }
  if (groups.length !== bodies.length) return bodies.map(parsedBodyBlocks)
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
    const prose = body.trim() === '' ? [] : plainProseBlocks(body)
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
