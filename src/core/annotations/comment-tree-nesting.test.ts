import type { Nodes, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { parseMarkdownUnchecked } from './comment-markdown-parser'
import { MAX_DRAWN_NESTING, withBoundedNesting } from './comment-tree-nesting'

/** The most nodes with children on one path from the root down, the root counted. */
function depthOf(node: Nodes): number {
  if (!('children' in node) || node.children.length === 0) return 0
  return 1 + Math.max(...(node.children as Nodes[]).map(depthOf))
}

/** Every text value in the tree, in order. */
function textsOf(node: Nodes): string[] {
  if (node.type === 'text') return [node.value]
  return 'children' in node ? (node.children as Nodes[]).flatMap(textsOf) : []
}

describe('withBoundedNesting', () => {
  it('shows quotes nested deeper than the limit as the text typed for them', () => {
    const source = `${'> '.repeat(200)}x`
    const tree = withBoundedNesting(parseMarkdownUnchecked(source), source)
    // The root, a quote for each level within the limit, and in the last a paragraph of the text.
    expect(depthOf(tree)).toBe(1 + MAX_DRAWN_NESTING + 1)
    expect(textsOf(tree)).toEqual([`${'> '.repeat(200 - MAX_DRAWN_NESTING)}x`])
  })

  it('keeps the lines of a deep list, and bounds nested emphasis and footnote definitions', () => {
    const list = `${'- '.repeat(100)}one\n${'  '.repeat(100)}two`
    const emphasis = `${'*'.repeat(300)}a${'*'.repeat(300)}`
    const footnotes = `${'[^a]: '.repeat(100)}x`
    for (const source of [list, emphasis, footnotes]) {
      const parsed = parseMarkdownUnchecked(source)
      expect(depthOf(parsed), source.slice(0, 12)).toBeGreaterThan(MAX_DRAWN_NESTING * 1.5)
      const tree = withBoundedNesting(parsed, source)
      expect(depthOf(tree), source.slice(0, 12)).toBeLessThanOrEqual(MAX_DRAWN_NESTING * 2 + 2)
    }
    const tree = withBoundedNesting(parseMarkdownUnchecked(list), list)
    expect(textsOf(tree)).toEqual([
      `${'- '.repeat(100 - MAX_DRAWN_NESTING)}one`,
      `${'  '.repeat(100)}two`,
    ])
  })

  it('leaves a comment nested as comments are untouched', () => {
    const source =
      '> **a [b](https://x.org)**\n>\n> - c\n>   - *d*\n\n| e | f |\n| - | - |\n| g | h |'
    const parsed: Root = parseMarkdownUnchecked(source)
    expect(withBoundedNesting(parsed, source)).toBe(parsed)
  })
})
