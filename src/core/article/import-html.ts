import type { ArticleBlock, Inline, InlineMark } from './article-blocks'
import { inlineText, plainText } from './article-blocks'
import type { ArticleDoc, ArticleMeta, BlockDirection } from './article-doc'
import { buildArticleDoc } from './article-doc-builder'
import { firstStrongDirection } from './bidi'
import { isLanguageTag } from './document-language'
import type { HtmlElement, HtmlNode } from './html-tree'
import { findElement, parseHtmlTree, textContent } from './html-tree'
import { safeLinkHref } from './link-href'
import { clampLevel } from './paper-headings'

/*
 * Imports an HTML article. Only text and a few structures survive: headings, paragraphs,
 * lists, quotations, line breaks, emphasis, code and http(s)/mailto links. Scripts, styles,
 * forms and embedded content are dropped, and nothing of the source reaches the editor as
 * markup, so an imported page cannot run anything.
 */

interface WalkContext {
  /** The nearest `dir` of an enclosing element, for blocks with no strong character. */
  inheritedDir?: BlockDirection
}

const IGNORED = new Set([
  'head',
  'title',
  'meta',
  'link',
  'base',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'picture',
  'source',
  'track',
  'select',
  'option',
  'datalist',
  'textarea',
  'button',
  'input',
  'map',
])

const CONTAINERS = new Set([
  '#root',
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'address',
  'details',
  'center',
  'form',
  'fieldset',
  'hgroup',
  'search',
  'dialog',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'li',
])

const PARAGRAPHS = new Set([
  'p',
  'figcaption',
  'summary',
  'dt',
  'dd',
  'legend',
  'caption',
  'td',
  'th',
])
const HEADING_LEVELS: Readonly<Record<string, number>> = {
  h1: 1,
  h2: 2,
  h3: 3,
  h4: 4,
  h5: 5,
  h6: 6,
}
const LISTS = new Set(['ul', 'ol', 'menu'])
const OTHER_BLOCKS = new Set(['blockquote', 'pre', 'tr', 'hr'])

const ITALIC = new Set(['em', 'i', 'cite', 'dfn', 'var'])
const BOLD = new Set(['strong', 'b'])
const CODE = new Set(['code', 'kbd', 'samp', 'tt'])

const HTML_WHITESPACE = /[ \t\n\f\r]+/gu

export function importHtml(html: string, options: { fileName?: string } = {}): ArticleDoc {
  const root = parseHtmlTree(html)
  const htmlElement = findElement(root, (element) => element.name === 'html')
  const blocks = blocksOf(root.children, {})
  markLeadingTitle(blocks)
  return buildArticleDoc({
    blocks,
    meta: htmlMeta(root, htmlElement, blocks),
    ...(options.fileName ? { fileName: options.fileName } : {}),
  })
}

/** The blocks of an HTML fragment (Markdown's embedded HTML goes through here too). */
export function htmlToBlocks(html: string): ArticleBlock[] {
  return blocksOf(parseHtmlTree(html).children, {})
}

function htmlMeta(
  root: HtmlElement,
  htmlElement: HtmlElement | undefined,
  blocks: readonly ArticleBlock[],
): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {}
  const titleElement = findElement(root, (element) => element.name === 'title')
  const documentTitle = titleElement ? collapse(textContent(titleElement)).trim() : ''
  const firstH1 = blocks.find((block) => block.type === 'heading' && block.level === 1)
  const title =
    documentTitle || (firstH1?.type === 'heading' ? inlineText(firstH1.inlines).trim() : '')
  if (title) meta.title = title

  const language = htmlElement?.attributes.lang?.trim()
  if (language && isLanguageTag(language)) meta.language = language

  const author = findElement(
    root,
    (element) => element.name === 'meta' && element.attributes.name?.toLowerCase() === 'author',
  )?.attributes.content?.trim()
  meta.authors = author ? [author] : []

  const canonical = findElement(
    root,
    (element) =>
      element.name === 'link' &&
      (element.attributes.rel ?? '').toLowerCase().split(/\s+/u).includes('canonical'),
  )?.attributes.href
  const sourceUrl = canonical ? safeLinkHref(canonical) : null
  if (sourceUrl && /^https?:/iu.test(sourceUrl)) meta.sourceUrl = sourceUrl
  return meta
}

function markLeadingTitle(blocks: ArticleBlock[]): void {
  const first = blocks.find(
    (block) => block.type !== 'paragraph' || inlineText(block.inlines).trim() !== '',
  )
  if (first?.type === 'heading' && first.level === 1) first.role = 'title'
}

function isBlockElement(element: HtmlElement): boolean {
  return (
    CONTAINERS.has(element.name) ||
    PARAGRAPHS.has(element.name) ||
    LISTS.has(element.name) ||
    OTHER_BLOCKS.has(element.name) ||
    element.name in HEADING_LEVELS
  )
}

function ownDirection(element: HtmlElement | undefined): BlockDirection | undefined {
  const dir = element?.attributes.dir?.trim().toLowerCase()
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined
}

/**
 * An element's own `dir` wins; without one, the block's first strong character decides, and
 * only a block without any takes the direction of an enclosing element.
 */
function blockDirectionFor(
  own: BlockDirection | undefined,
  text: string,
  context: WalkContext,
): { dir?: BlockDirection } {
  const dir = own ?? (firstStrongDirection(text) === null ? context.inheritedDir : undefined)
  return dir ? { dir } : {}
}

function blocksOf(nodes: readonly HtmlNode[], context: WalkContext): ArticleBlock[] {
  const blocks: ArticleBlock[] = []
  let pending: Inline[] = []
  const flush = () => {
    const inlines = collapseAcrossRuns(pending)
    if (inlines.length > 0) {
      blocks.push({
        type: 'paragraph',
        inlines,
        ...blockDirectionFor(undefined, inlineText(inlines), context),
      })
    }
    pending = []
  }
  for (const node of nodes) {
    if (node.kind === 'element' && IGNORED.has(node.name)) continue
    if (node.kind === 'text' || !isBlockElement(node)) {
      pending.push(...inlinesOf([node], []))
      continue
    }
    flush()
    blocks.push(...blockOf(node, context))
  }
  flush()
  return blocks
}

function blockOf(element: HtmlElement, context: WalkContext): ArticleBlock[] {
  const own = ownDirection(element)
  const inner: WalkContext = { inheritedDir: own ?? context.inheritedDir }
  const headingLevel = HEADING_LEVELS[element.name]

  if (headingLevel !== undefined) {
    const inlines = collapseAcrossRuns(inlinesOf(element.children, []))
    const direction = blockDirectionFor(own, inlineText(inlines), context)
    return [{ type: 'heading', level: clampLevel(headingLevel), inlines, ...direction }]
  }
  if (PARAGRAPHS.has(element.name)) return paragraphsOf(element, own, context)
  if (LISTS.has(element.name)) return [listOf(element, own, inner)]

  switch (element.name) {
    case 'blockquote':
      return [
        {
          type: 'blockquote',
          blocks: blocksOf(element.children, inner),
          ...(own ? { dir: own } : {}),
        },
      ]
    case 'pre': {
      const inlines = preformattedInlines(element)
      return [
        { type: 'paragraph', inlines, ...blockDirectionFor(own, inlineText(inlines), context) },
      ]
    }
    case 'tr': {
      const inlines = tableRowInlines(element)
      return [
        { type: 'paragraph', inlines, ...blockDirectionFor(own, inlineText(inlines), context) },
      ]
    }
    case 'hr':
      return []
    default:
      return blocksOf(element.children, inner)
  }
}

/** A paragraph; one holding blocks (a `<td>` with `<p>`s, say) becomes those blocks. */
function paragraphsOf(
  element: HtmlElement,
  own: BlockDirection | undefined,
  context: WalkContext,
): ArticleBlock[] {
  const holdsBlocks = element.children.some(
    (child) => child.kind === 'element' && isBlockElement(child),
  )
  if (holdsBlocks) return blocksOf(element.children, { inheritedDir: own ?? context.inheritedDir })
  const inlines = collapseAcrossRuns(inlinesOf(element.children, []))
  return [{ type: 'paragraph', inlines, ...blockDirectionFor(own, inlineText(inlines), context) }]
}

function listOf(
  element: HtmlElement,
  own: BlockDirection | undefined,
  context: WalkContext,
): ArticleBlock {
  const ordered = element.name === 'ol'
  const start = Number.parseInt(element.attributes.start ?? '', 10)
  const items = element.children.flatMap((child) => {
    if (child.kind === 'text' && child.text.trim() === '') return []
    const itemElement: HtmlElement =
      child.kind === 'element' && child.name === 'li'
        ? child
        : { kind: 'element', name: 'li', attributes: {}, children: [child] }
    const itemOwn = ownDirection(itemElement)
    const paragraphs = flattenToParagraphs(
      blocksOf(itemElement.children, { inheritedDir: itemOwn ?? context.inheritedDir }),
    )
    const text = paragraphs.map(inlineText).join('\n')
    return [{ paragraphs, ...blockDirectionFor(itemOwn, text, context) }]
  })
  return {
    type: 'list',
    ordered,
    start: ordered && Number.isSafeInteger(start) ? start : 1,
    items,
    ...(own ? { dir: own } : {}),
  }
}

/** List items hold paragraphs only: nested lists and quotations give up their paragraphs. */
function flattenToParagraphs(blocks: readonly ArticleBlock[]): Inline[][] {
  return blocks.flatMap((block): Inline[][] => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        return [block.inlines]
      case 'list':
        return block.items.flatMap((item) => item.paragraphs)
      case 'blockquote':
        return flattenToParagraphs(block.blocks)
      case 'frontMatter':
        return block.paragraphs
    }
  })
}

function inlinesOf(nodes: readonly HtmlNode[], marks: readonly InlineMark[]): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    if (node.kind === 'text') return [plainText(collapse(node.text), [...marks])]
    const name = node.name
    if (IGNORED.has(name)) return []
    if (name === 'br') return [{ type: 'hardBreak' }]
    if (name === 'img') {
      const alt = node.attributes.alt?.trim()
      return alt ? [plainText(collapse(alt), [...marks])] : []
    }
    if (name === 'a') {
      const href = safeLinkHref(node.attributes.href ?? '')
      return inlinesOf(node.children, href ? [...marks, { type: 'link', href }] : marks)
    }
    if (ITALIC.has(name)) return inlinesOf(node.children, [...marks, { type: 'italic' }])
    if (BOLD.has(name)) return inlinesOf(node.children, [...marks, { type: 'bold' }])
    if (CODE.has(name)) return inlinesOf(node.children, [...marks, { type: 'code' }])
    if (isBlockElement(node)) {
      // A block where only inline content may stand (a `<div>` inside a `<span>`): keep its
      // text, set off by spaces.
      return [plainText(' '), ...inlinesOf(node.children, marks), plainText(' ')]
    }
    return inlinesOf(node.children, marks)
  })
}

function collapse(text: string): string {
  return text.replace(HTML_WHITESPACE, ' ')
}

/** HTML renders a run of collapsible spaces once, even across elements, and none after a break. */
function collapseAcrossRuns(inlines: readonly Inline[]): Inline[] {
  const result: Inline[] = []
  let afterSpace = true
  for (const inline of inlines) {
    if (inline.type === 'hardBreak') {
      const last = result.at(-1)
      if (last?.type === 'text') {
        result[result.length - 1] = { ...last, text: last.text.replace(/ $/u, '') }
      }
      result.push(inline)
      afterSpace = true
      continue
    }
    const text: string = afterSpace ? inline.text.replace(/^ /u, '') : inline.text
    if (text === '') continue
    result.push({ ...inline, text })
    afterSpace = text.endsWith(' ')
  }
  return result
}

/** `<pre>` keeps its spaces and line breaks; its text is code. */
function preformattedInlines(element: HtmlElement): Inline[] {
  const text = preformattedText(element)
    .replace(/^\r?\n/u, '')
    .replace(/\r?\n$/u, '')
  const inlines: Inline[] = []
  for (const [index, line] of text.split(/\r\n|\r|\n/u).entries()) {
    if (index > 0) inlines.push({ type: 'hardBreak' })
    if (line !== '') inlines.push(plainText(line, [{ type: 'code' }]))
  }
  return inlines
}

function preformattedText(node: HtmlNode): string {
  if (node.kind === 'text') return node.text
  if (IGNORED.has(node.name)) return ''
  if (node.name === 'br') return '\n'
  return node.children.map(preformattedText).join('')
}

/** A table row as one paragraph, its cells separated by " | ". */
function tableRowInlines(row: HtmlElement): Inline[] {
  const cells = row.children.filter(
    (child): child is HtmlElement =>
      child.kind === 'element' && (child.name === 'td' || child.name === 'th'),
  )
  return cells.flatMap((cell, index) => {
    const inlines = collapseAcrossRuns(inlinesOf(cell.children, []))
    return index === 0 ? inlines : [plainText(' | '), ...inlines]
  })
}
