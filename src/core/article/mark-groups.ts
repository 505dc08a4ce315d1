import type { PMMark, PMNode } from './article-doc'

/** A run of neighbouring inline nodes that carry the same mark of one type, or none of it. */
export interface MarkGroup {
  mark: PMMark | undefined
  nodes: PMNode[]
}

/**
 * Splits a textblock's inline nodes into runs by one mark type, so a writer can open the mark
 * once around a run rather than once per text node (ProseMirror splits text at every mark change).
 */
export function groupByMark(nodes: readonly PMNode[], markType: string): MarkGroup[] {
  const groups: MarkGroup[] = []
  for (const node of nodes) {
    const mark = node.marks?.find((candidate) => candidate.type === markType)
    const last = groups.at(-1)
    if (last && sameMark(last.mark, mark)) last.nodes.push(node)
    else groups.push({ mark, nodes: [node] })
  }
  return groups
}

function sameMark(a: PMMark | undefined, b: PMMark | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {})
}
