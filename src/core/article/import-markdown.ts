import type { Definition, ListItem, PhrasingContent, RootContent, TableRow } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { ArticleBlock, Inline, InlineMark } from './article-blocks'
import { blockText, plainText } from './article-blocks'
import type { ArticleDoc, ArticleMeta } from './article-doc'
import { buildArticleDoc } from './article-doc-builder'
import { isLanguageTag } from './document-language'
import { htmlToBlocks } from './import-html'
import { safeLinkHref } from './link-href'
import { splitFrontMatter } from './markdown-front-matter'
import { clampLevel } from './paper-headings'
import { checkMarkdownNesting } from './markdown-nesting'

/*
 * Imports a Markdown article (CommonMark with GitHub's extensions). Headings deeper than three
 * become level 3; code becomes code-marked paragraphs; tables become one paragraph per row;
 * images leave their alt text; embedded HTML goes through the HTML importer's filter.
 */

type Definitions = ReadonlyMap<string, Definition>

export function importMarkdown(markdown: string, options: { fileName?: string } = {}): ArticleDoc {
  const { fields, body } = splitFrontMatter(markdown)
  checkMarkdownNesting(body, options.fileName)
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const definitions = new Map<string, Definition>()
  collectDefinitions(tree.children, definitions)

  const blocks = tree.children.flatMap((node) => blocksOf(node, definitions))
  const first = blocks[0]
  if (first?.type === 'heading' && first.level === 1) first.role = 'title'

  const meta: Partial<ArticleMeta> = { authors: fields.authors }
  const title = fields.title ?? firstH1Text(blocks) ?? firstLine(blocks)
  if (title) meta.title = title
  if (fields.language && isLanguageTag(fields.language)) meta.language = fields.language
  return buildArticleDoc({
    blocks,
    meta,
    ...(options.fileName ? { fileName: options.fileName } : {}),
  })
}

function collectDefinitions(nodes: readonly RootContent[], into: Map<string, Definition>): void {
  for (const node of nodes) {
    if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node)
    if ('children' in node) collectDefinitions(node.children as RootContent[], into)
  }
}

function firstH1Text(blocks: readonly ArticleBlock[]): string | undefined {
  const heading = blocks.find((block) => block.type === 'heading' && block.level === 1)
  return heading ? blockText(heading).trim() || undefined : undefined
}

function firstLine(blocks: readonly ArticleBlock[]): string | undefined {
  const first = blocks[0]
  return first
    ? blockText(first)
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line !== '')
    : undefined
}

function blocksOf(node: RootContent, definitions: Definitions): ArticleBlock[] {
  switch (node.type) {
    case 'heading':
      return [
        {
          type: 'heading',
          level: clampLevel(node.depth),
          inlines: inlinesOf(node.children, [], definitions),
        },
      ]
    case 'paragraph':
      return [{ type: 'paragraph', inlines: inlinesOf(node.children, [], definitions) }]
    case 'list':
      return [
        {
          type: 'list',
          ordered: node.ordered === true,
          start: node.ordered && typeof node.start === 'number' ? node.start : 1,
          items: node.children.map((item) => ({
            paragraphs: listItemParagraphs(item, definitions),
          })),
        },
      ]
    case 'blockquote':
      return [
        {
          type: 'blockquote',
          blocks: node.children.flatMap((child) => blocksOf(child, definitions)),
        },
      ]
    case 'code':
      return [{ type: 'paragraph', inlines: codeInlines(node.value) }]
    case 'html':
      return htmlToBlocks(node.value)
    case 'table':
      return node.children.map((row) => ({
        type: 'paragraph',
        inlines: tableRowInlines(row, definitions),
      }))
    case 'footnoteDefinition': {
      const [firstBlock, ...rest] = node.children.flatMap((child) => blocksOf(child, definitions))
      const label = plainText(`[^${node.label ?? node.identifier}]: `)
      if (firstBlock?.type !== 'paragraph')
        return [
          { type: 'paragraph', inlines: [label] },
          ...(firstBlock ? [firstBlock] : []),
          ...rest,
        ]
      return [{ ...firstBlock, inlines: [label, ...firstBlock.inlines] }, ...rest]
    }
    default:
      // thematicBreak, definition, and phrasing content never stand at block level here.
      return []
  }
}

/** List items hold paragraphs only: a nested list or quotation gives up its paragraphs. */
function listItemParagraphs(item: ListItem, definitions: Definitions): Inline[][] {
  const paragraphs = item.children
    .flatMap((child) => blocksOf(child, definitions))
    .flatMap(function flatten(block): Inline[][] {
      switch (block.type) {
        case 'heading':
        case 'paragraph':
          return [block.inlines]
        case 'list':
          return block.items.flatMap((nested) => nested.paragraphs)
        case 'blockquote':
          return block.blocks.flatMap(flatten)
        case 'frontMatter':
          return block.paragraphs
      }
    })
  if (typeof item.checked === 'boolean') {
    const box = plainText(item.checked ? '[x] ' : '[ ] ')
    const [first, ...rest] = paragraphs
    return [[box, ...(first ?? [])], ...rest]
  }
  return paragraphs
}

function inlinesOf(
  nodes: readonly PhrasingContent[],
  marks: readonly InlineMark[],
  definitions: Definitions,
): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    switch (node.type) {
      case 'text':
        return [plainText(node.value, [...marks])]
      case 'emphasis':
        return inlinesOf(node.children, [...marks, { type: 'italic' }], definitions)
      case 'strong':
        return inlinesOf(node.children, [...marks, { type: 'bold' }], definitions)
      case 'delete':
        return inlinesOf(node.children, marks, definitions)
      case 'inlineCode':
        return [plainText(node.value, [...marks, { type: 'code' }])]
      case 'break':
        return [{ type: 'hardBreak' }]
      case 'link':
        return linked(node.url, inlinesOf(node.children, marks, definitions))
      case 'linkReference': {
        const definition = definitions.get(node.identifier)
        const children = inlinesOf(node.children, marks, definitions)
        return definition ? linked(definition.url, children) : children
      }
      case 'image':
      case 'imageReference':
        return node.alt ? [plainText(node.alt, [...marks])] : []
      case 'footnoteReference':
        return [plainText(`[^${node.label ?? node.identifier}]`, [...marks])]
      case 'html':
        // Inline tags are dropped (the text between them is separate text nodes); a line break stays.
        return /^<br\s*\/?>$/iu.test(node.value.trim()) ? [{ type: 'hardBreak' }] : []
    }
  })
}

/** Only http, https and mailto targets become links; other link text stays plain text. */
function linked(url: string, children: Inline[]): Inline[] {
  const href = safeLinkHref(url)
  if (!href) return children
  return children.map((inline) =>
    inline.type === 'text'
      ? { ...inline, marks: [...inline.marks, { type: 'link', href }] }
      : inline,
  )
}

function codeInlines(code: string): Inline[] {
  return code.split('\n').flatMap((line, index): Inline[] => {
    const text: Inline[] = line === '' ? [] : [plainText(line, [{ type: 'code' }])]
    return index === 0 ? text : [{ type: 'hardBreak' }, ...text]
  })
}

function tableRowInlines(row: TableRow, definitions: Definitions): Inline[] {
  return row.children.flatMap((cell, index) => {
    const inlines = inlinesOf(cell.children, [], definitions)
    return index === 0 ? inlines : [plainText(' | '), ...inlines]
  })
}
