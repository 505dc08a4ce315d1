import type { PMNode } from './article-doc'

/*
 * Reading an imported document back as text: for search, for re-anchoring annotations by
 * quote and position, and for hashing an article's content.
 */

export interface OutlineEntry {
  level: number
  text: string
  /** Position of the heading's top-level block in the document. */
  index: number
}

/** Every textblock's text (hard breaks as "\n"), in document order, joined by blank lines. */
export function articlePlainText(content: PMNode): string {
  return textblocksOf(content).map(textOfTextblock).join('\n\n')
}

/** The headings in document order, with the index of the top-level block holding each. */
export function outlineOf(content: PMNode): OutlineEntry[] {
  return (content.content ?? []).flatMap((block, index) =>
    headingsIn(block).map((heading) => ({
      level: typeof heading.attrs?.level === 'number' ? heading.attrs.level : 1,
      text: textOfTextblock(heading),
      index,
    })),
  )
}

function headingsIn(node: PMNode): PMNode[] {
  if (node.type === 'heading') return [node]
  return (node.content ?? []).flatMap(headingsIn)
}

function isTextblock(node: PMNode): boolean {
  if (node.type === 'paragraph' || node.type === 'heading') return true
  return (node.content ?? []).some((child) => child.type === 'text' || child.type === 'hardBreak')
}

function textblocksOf(node: PMNode): PMNode[] {
  if (isTextblock(node)) return [node]
  return (node.content ?? []).flatMap(textblocksOf)
}

function textOfTextblock(node: PMNode): string {
  return (node.content ?? [])
    .map((child) => (child.type === 'hardBreak' ? '\n' : (child.text ?? '')))
    .join('')
}
