import type { PMNode } from '../article/article-doc'
import { HARD_BREAK_TYPE, LEAF_NODE_TYPES } from './leaf-node-types'

/**
 * Which side a position between two runs of text (between blocks, say) maps to: the start of the
 * text that follows it, or the end of the text before it.
 */
export type TextSide = 'after' | 'before'

/**
 * The article's plain text, exactly as `articlePlainText` writes it, with a two-way map between
 * offsets into it and ProseMirror document positions. Built once per version of the document;
 * every lookup is a binary search, so thousands of annotations can be placed on one build.
 */
export interface ArticleTextIndex {
  readonly text: string
  /** Size of the document's content: the largest valid position. */
  readonly size: number
  /**
   * Text offset of a document position. A position where there is no text (between blocks,
   * before an inline image) maps to the nearest following text offset, or with `side: 'before'`
   * to the nearest preceding one.
   */
  textOffsetAt(pos: number, side?: TextSide): number
  /**
   * Document position of a text offset. An offset inside the blank line between two blocks maps
   * to the start of the following block's text.
   */
  positionAt(offset: number): number
}

/*
 * A run is a stretch where text offsets and positions advance together: the text of a textblock
 * (hard breaks included, each one "\n" and one position) up to any inline node without text.
 * Empty textblocks get a run of length 0, so positions inside them still have an offset.
 */
interface RunTable {
  offsets: number[]
  positions: number[]
  lengths: number[]
}

/** Indexes a ProseMirror `doc` node's JSON. */
export function buildArticleTextIndex(doc: PMNode): ArticleTextIndex {
  const runs: RunTable = { offsets: [], positions: [], lengths: [] }
  const parts: string[] = []
  let textLength = 0
  let textblocks = 0

  const addRun = (offset: number, pos: number, length: number): void => {
    const last = runs.offsets.length - 1
    if (last >= 0) {
      const lastLength = runs.lengths[last]!
      const contiguous =
        runs.offsets[last]! + lastLength === offset && runs.positions[last]! + lastLength === pos
      if (contiguous) {
        // Marks split a textblock's text into several text nodes; the run goes on across them.
        runs.lengths[last] = lastLength + length
        return
      }
    }
    runs.offsets.push(offset)
    runs.positions.push(pos)
    runs.lengths.push(length)
  }

  /** Indexes a textblock whose content starts at `pos`; returns the position after its content. */
  const indexTextblock = (block: PMNode, pos: number): number => {
    if (textblocks++ > 0) {
      parts.push(BLOCK_SEPARATOR)
      textLength += BLOCK_SEPARATOR.length
    }
    addRun(textLength, pos, 0)
    for (const child of block.content ?? []) {
      const text = child.type === HARD_BREAK_TYPE ? '\n' : (child.text ?? '')
      addRun(textLength, pos, text.length)
      parts.push(text)
      textLength += text.length
      // Usually text.length; more for an inline node with no text, which breaks the run.
      pos += nodeSize(child)
    }
    addRun(textLength, pos, 0)
    return pos
  }

  /** Indexes a node that starts at `start`; returns the position after it. */
  const visit = (node: PMNode, start: number): number => {
    if (node.type === 'text' || LEAF_NODE_TYPES.has(node.type)) return start + nodeSize(node)
    let pos = start + 1
    if (isTextblock(node)) return indexTextblock(node, pos) + 1
    for (const child of node.content ?? []) pos = visit(child, pos)
    return pos + 1
  }

  let size = 0
  for (const block of doc.content ?? []) size = visit(block, size)
  return new RunIndex(parts.join(''), size, runs)
}

const BLOCK_SEPARATOR = '\n\n'

/** The same rule as `articlePlainText`: what counts as a block of text. */
function isTextblock(node: PMNode): boolean {
  if (node.type === 'paragraph' || node.type === 'heading') return true
  return (node.content ?? []).some(
    (child) => child.type === 'text' || child.type === HARD_BREAK_TYPE,
  )
}

function nodeSize(node: PMNode): number {
  if (node.type === 'text') return node.text?.length ?? 0
  if (LEAF_NODE_TYPES.has(node.type)) return 1
  let size = 2
  for (const child of node.content ?? []) size += nodeSize(child)
  return size
}

class RunIndex implements ArticleTextIndex {
  constructor(
    readonly text: string,
    readonly size: number,
    private readonly runs: RunTable,
  ) {}

  textOffsetAt(pos: number, side: TextSide = 'after'): number {
    const { offsets, positions, lengths } = this.runs
    const i = lastAtOrBefore(positions, pos)
    if (i >= 0 && pos <= positions[i]! + lengths[i]!) return offsets[i]! + (pos - positions[i]!)
    if (side === 'before') return i >= 0 ? offsets[i]! + lengths[i]! : 0
    return i + 1 < offsets.length ? offsets[i + 1]! : this.text.length
  }

  positionAt(offset: number): number {
    const { offsets, positions, lengths } = this.runs
    if (offsets.length === 0) return 0
    const i = lastAtOrBefore(offsets, offset)
    if (i < 0) return positions[0]!
    if (offset <= offsets[i]! + lengths[i]!) return positions[i]! + (offset - offsets[i]!)
    return i + 1 < offsets.length ? positions[i + 1]! : positions[i]! + lengths[i]!
  }
}

/** Index of the last element ≤ value in an ascending array; -1 when there is none. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length - 1
  let found = -1
  while (low <= high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]! <= value) {
      found = mid
      low = mid + 1
    } else {
      high = mid - 1
    }
  }
  return found
}
