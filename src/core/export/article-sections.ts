import { buildArticleTextIndex } from '../anchoring/article-text-index'
import { LEAF_NODE_TYPES } from '../anchoring/leaf-node-types'
import type { PMNode } from '../article/article-doc'

/** One of the article's own headings, and the stretch of text it heads. */
export interface ArticleSection {
  /** Its place among the article's headings, 0 first. */
  readonly index: number
  readonly level: number
  /** The heading's text on one line. */
  readonly title: string
  /** Offset into `articlePlainText` where the heading's text starts. */
  readonly start: number
  /** The nearest level-1 heading before it; null for a level-1 heading or one before any. */
  readonly parent: ArticleSection | null
}

/** Where a passage is: an article section, the text before the first heading, or nowhere known. */
export type SectionPlace = ArticleSection | 'before-first' | 'unplaced'

export interface ArticleSections {
  /** In document order. */
  readonly sections: readonly ArticleSection[]
  /**
   * The section a text offset falls in: the nearest heading at or before it. Null before the
   * first heading (a publisher's notice, say).
   */
  sectionAt(offset: number): ArticleSection | null
}

/** The article's headings with their offsets into its plain text. */
export function articleSections(content: PMNode): ArticleSections {
  // The text index is the one mapping from document positions to plain-text offsets that
  // anchoring uses, so a heading's offset agrees with every annotation's TextPositionSelector.
  const index = buildArticleTextIndex(content)
  const sections: ArticleSection[] = []
  let parent: ArticleSection | null = null

  const visit = (node: PMNode, pos: number): void => {
    if (node.type === 'heading') {
      const level = typeof node.attrs?.['level'] === 'number' ? node.attrs['level'] : 1
      const start = index.textOffsetAt(pos + 1, 'after')
      const end = index.textOffsetAt(pos + nodeSize(node) - 1, 'before')
      const section: ArticleSection = {
        index: sections.length,
        level,
        title: oneLine(index.text.slice(start, Math.max(start, end))),
        start,
        parent: level === 1 ? null : parent,
      }
      sections.push(section)
      if (level === 1) parent = section
      return
    }
    if (node.type === 'text' || LEAF_NODE_TYPES.has(node.type)) return
    let childPos = pos + 1
    for (const child of node.content ?? []) {
      visit(child, childPos)
      childPos += nodeSize(child)
    }
  }

  let pos = 0
  for (const block of content.content ?? []) {
    visit(block, pos)
    pos += nodeSize(block)
  }

  return {
    sections,
    sectionAt: (offset) => sections[lastStartingAtOrBefore(sections, offset)] ?? null,
  }
}

/** ProseMirror's `nodeSize`, from JSON: leaves take one position, text one per code unit. */
function nodeSize(node: PMNode): number {
  if (node.type === 'text') return node.text?.length ?? 0
  if (LEAF_NODE_TYPES.has(node.type)) return 1
  let size = 2
  for (const child of node.content ?? []) size += nodeSize(child)
  return size
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

function lastStartingAtOrBefore(sections: readonly ArticleSection[], offset: number): number {
  let low = 0
  let high = sections.length - 1
  let found = -1
  while (low <= high) {
    const mid = (low + high) >>> 1
    if ((sections[mid] as ArticleSection).start <= offset) {
      found = mid
      low = mid + 1
    } else {
      high = mid - 1
    }
  }
  return found
}
