import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { parse as parseYaml } from 'yaml'
import { describeTextRange } from '../anchoring/text-selectors'
import type { Annotation, AnnotationKind, Visibility } from '../annotations/annotation'
import type { ArticleDoc } from '../article/article-doc'
import { articlePlainText } from '../article/article-text'
import { contentHash } from '../content-hash'

/** Fixtures for the export tests: annotations on a real article, and a real Markdown parser. */

export interface AnnotationFixture {
  id: string
  author: string
  authorName: string
  kind?: AnnotationKind
  body?: string
  tags?: string[]
  createdAt?: string
  updatedAt?: string
  visibility?: Visibility
  resolved?: boolean
}

/** Makes annotations on one article, their passages found by their text. */
export function annotationMaker(article: ArticleDoc) {
  const text = articlePlainText(article.content)
  const articleHash = contentHash(text)
  const base = (fixture: AnnotationFixture): Annotation => ({
    id: fixture.id,
    kind: fixture.kind ?? (fixture.body ? 'comment' : 'highlight'),
    author: fixture.author,
    authorName: fixture.authorName,
    color: 'yellow',
    body: fixture.body ?? '',
    tags: fixture.tags ?? [],
    visibility: fixture.visibility ?? 'class',
    createdAt: fixture.createdAt ?? '2026-11-28T14:03:00.000Z',
    updatedAt: fixture.updatedAt ?? fixture.createdAt ?? '2026-11-28T14:03:00.000Z',
    ...(fixture.resolved === undefined ? {} : { resolved: fixture.resolved }),
  })
  return {
    text,
    articleHash,
    /** A highlight or comment on the first occurrence of `exact` (after `from`). */
    on(exact: string, fixture: AnnotationFixture, from = 0): Annotation {
      const start = text.indexOf(exact, from)
      if (start < 0) throw new Error(`not in the article: ${exact}`)
      const selectors = describeTextRange(text, start, start + exact.length)
      if (selectors === null || selectors.quote.exact !== exact) {
        throw new Error(`not a quote the reader could make: ${JSON.stringify(exact)}`)
      }
      return {
        ...base(fixture),
        anchor: { articleHash, start: 'AQID', end: 'BAUG', ...selectors },
      }
    },
    reply(to: string, fixture: AnnotationFixture): Annotation {
      return { ...base({ ...fixture, kind: 'reply' }), replyTo: to }
    },
  }
}

export interface ParsedExport {
  frontMatter: Record<string, unknown>
  tree: Root
}

/** An export read back as GitHub would: YAML front matter, then CommonMark with GFM. */
export function parseExport(markdown: string): ParsedExport {
  const match = /^---\n([^]*?)\n---\n/u.exec(markdown)
  if (match === null) throw new Error('no front matter')
  const frontMatter = parseYaml(match[1] ?? '') as Record<string, unknown>
  const tree = fromMarkdown(markdown.slice(match[0].length), {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  })
  return { frontMatter, tree }
}

/** Every node of a type, in document order. */
export function nodesOf<T extends Nodes['type']>(
  tree: Nodes,
  type: T,
): Extract<Nodes, { type: T }>[] {
  const found: Extract<Nodes, { type: T }>[] = []
  const visit = (node: Nodes): void => {
    if (node.type === type) found.push(node as Extract<Nodes, { type: T }>)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return found
}

/** A node's text as a reader sees it: hard breaks as "\n", paragraphs apart by a blank line. */
export function textOf(node: Nodes): string {
  if (node.type === 'break') return '\n'
  if ('value' in node) return node.value
  if (!('children' in node)) return ''
  const blockLevel = node.type === 'blockquote' || node.type === 'listItem' || node.type === 'root'
  return (node.children as Nodes[]).map(textOf).join(blockLevel ? '\n\n' : '')
}

/** How many nodes of each structural type a document has. */
export function structureOf(tree: Root): Record<string, number> {
  const types = ['heading', 'blockquote', 'list', 'listItem', 'table', 'html', 'thematicBreak']
  return Object.fromEntries(
    types.map((type) => [type, nodesOf(tree, type as Nodes['type']).length]),
  )
}
