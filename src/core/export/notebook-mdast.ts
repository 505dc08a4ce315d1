import type { BlockContent, ListItem, PhrasingContent, RootContent } from 'mdast'
import type { PMNode } from '../article/article-doc'
import { safeLinkHref } from '../article/link-href'
import { groupByMark } from '../article/mark-groups'

/**
 * The study notebook (ProseMirror JSON of StarterKit's nodes and the notebook's quotes) as mdast.
 * Its headings go `headingOffset` levels down, so that they sit under the export's heading for
 * the notebook instead of beside the export's own sections.
 */
export function notebookMdast(notebook: PMNode, headingOffset: number): RootContent[] {
  return blocks(notebook.content ?? [], headingOffset)
}

function blocks(nodes: readonly PMNode[], headingOffset: number): BlockContent[] {
  return nodes.flatMap((node) => block(node, headingOffset))
}

function block(node: PMNode, headingOffset: number): BlockContent[] {
  const children = node.content ?? []
  switch (node.type) {
    case 'paragraph':
      return children.length === 0 ? [] : [{ type: 'paragraph', children: inline(children) }]
    case 'heading': {
      const level = typeof node.attrs?.['level'] === 'number' ? node.attrs['level'] : 1
      const depth = Math.min(6, Math.max(1, level) + headingOffset) as 1 | 2 | 3 | 4 | 5 | 6
      return children.length === 0 ? [] : [{ type: 'heading', depth, children: inline(children) }]
    }
    case 'blockquote':
    case 'annotationQuote':
      return [{ type: 'blockquote', children: blocks(children, headingOffset) }]
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.attrs?.['start'] ?? 1) || 1
      const items = children.map((item): ListItem => ({
        type: 'listItem',
        spread: false,
        children: blocks(item.content ?? [], headingOffset),
      }))
      return [
        {
          type: 'list',
          ordered: node.type === 'orderedList',
          start: node.type === 'orderedList' ? start : null,
          spread: false,
          children: items,
        },
      ]
    }
    case 'codeBlock': {
      const language = node.attrs?.['language']
      const lang = typeof language === 'string' && /^[\w+#.-]+$/u.test(language) ? language : null
      return [{ type: 'code', lang, meta: null, value: textOf(node) }]
    }
    case 'horizontalRule':
      return [{ type: 'thematicBreak' }]
    default:
      // A node this exporter does not know: its text is kept rather than dropped.
      if (children.some((child) => child.type === 'text' || child.type === 'hardBreak')) {
        return [{ type: 'paragraph', children: inline(children) }]
      }
      return blocks(children, headingOffset)
  }
}

/** Marks from the outside in, so runs sharing a mark nest rather than overlap. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'code'] as const

function inline(nodes: readonly PMNode[]): PhrasingContent[] {
  return marked(
    nodes.filter((node) => node.type === 'text' || node.type === 'hardBreak'),
    0,
  )
}

function marked(nodes: readonly PMNode[], level: number): PhrasingContent[] {
  const markType = MARK_ORDER[level]
  if (markType === undefined) return nodes.map(plainInline)
  return groupByMark(nodes, markType).flatMap((group): PhrasingContent[] => {
    if (group.mark === undefined) return marked(group.nodes, level + 1)
    if (markType === 'code') {
      return [{ type: 'inlineCode', value: group.nodes.map((node) => node.text ?? ' ').join('') }]
    }
    const children = marked(group.nodes, level + 1)
    switch (markType) {
      case 'link': {
        const href = group.mark.attrs?.['href']
        const url = typeof href === 'string' ? safeLinkHref(href) : null
        return url === null ? children : [{ type: 'link', url, title: null, children }]
      }
      case 'bold':
        return [{ type: 'strong', children }]
      case 'italic':
        return [{ type: 'emphasis', children }]
      case 'strike':
        return [{ type: 'delete', children }]
    }
  })
}

function plainInline(node: PMNode): PhrasingContent {
  return node.type === 'hardBreak' ? { type: 'break' } : { type: 'text', value: node.text ?? '' }
}

function textOf(node: PMNode): string {
  if (node.type === 'hardBreak') return '\n'
  return node.text ?? (node.content ?? []).map(textOf).join('')
}
