import type { Nodes, Parents, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { textParagraphs } from './comment-text-tree'

/**
 * How many quotes, lists, emphases and links deep a comment is drawn. What is nested deeper is
 * shown as the text typed for it: drawing is recursive (here and in React), and a comment nesting
 * thousands deep overflowed the stack and blanked the page. Comments nest a few levels; this is
 * twice the containers a formatted comment may nest (MAX_FORMATTED_NESTING), leaving room for
 * emphasis and links inside them.
 */
export const MAX_DRAWN_NESTING = 64

/**
 * The tree with each quote, list or inline container (emphasis, link, …) that lies more than
 * `MAX_DRAWN_NESTING` of them deep replaced by its source text: paragraphs with their line breaks
 * for a quote or list, text for an inline one. Walks no deeper than the limit itself.
 */
export function withBoundedNesting<Tree extends Parents>(tree: Tree, source: string): Tree {
  return bounded(tree, source, 0)
}

function bounded<Node extends Nodes>(node: Node, source: string, depth: number): Node {
  if (!('children' in node)) return node
  let changed = false
  const children = (node.children as RootContent[]).flatMap((child): RootContent[] => {
    const within = nests(child) ? depth + 1 : depth
    if (within <= MAX_DRAWN_NESTING) {
      const kept = bounded(child, source, within)
      changed ||= kept !== child
      return [kept]
    }
    changed = true
    const text = sourceOf(child, source)
    return FLOW_CONTAINERS.has(child.type) ? textParagraphs(text) : [{ type: 'text', value: text }]
  })
  // A tree nested as comments are comes back as it was, not copied.
  return changed ? { ...node, children } : node
}

/**
 * Whether a node is a level of nesting: a quote, a list (with its items), a footnote definition
 * (GFM lets them nest), or an inline container.
 */
function nests(node: RootContent): boolean {
  return 'children' in node && !LEVEL_OF_ITS_PARENT.has(node.type)
}

/** Nodes that hold others without nesting them further: blocks of text and parts of a list or table. */
const LEVEL_OF_ITS_PARENT = new Set<string>([
  'paragraph',
  'heading',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
])

/** Levels that hold blocks, which become paragraphs of their text. */
const FLOW_CONTAINERS = new Set<string>(['blockquote', 'list', 'footnoteDefinition'])

/** The text typed for a node, or (for a node made without positions) the text it holds. */
function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? toString(node) : source.slice(start, end)
}
