import type { Node as PMNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { articleSchema } from '../article-schema'
import { documentDiffMap } from './document-diff-map'

function docOf(...paragraphs: string[]): PMNode {
  return articleSchema().nodeFromJSON({
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph',
      ...(text ? { content: [{ type: 'text', text }] } : {}),
    })),
  })
}

describe('documentDiffMap', () => {
  it('maps nothing for identical documents', () => {
    const map = documentDiffMap(docOf('سلام'), docOf('سلام'))
    expect(map.map(3)).toBe(3)
  })

  it('shifts positions after an insertion and keeps those before it', () => {
    const map = documentDiffMap(docOf('abc def'), docOf('abc XY def'))
    expect(map.map(2)).toBe(2)
    expect(map.map(6)).toBe(9)
  })

  it('places an insertion into repeated text where the common prefix ends', () => {
    // "aa" → "aaa": the common suffix reaches back over the common prefix.
    const map = documentDiffMap(docOf('aa'), docOf('aaa'))
    expect(map.map(1)).toBe(1)
    expect(map.map(3, 1)).toBe(4)
    expect(map.map(3, -1)).toBe(3)
  })

  it('collapses a deleted span and shifts what follows', () => {
    // The common suffix "a gamma" overlaps the common prefix "alpha " by its first "a".
    const map = documentDiffMap(docOf('alpha beta gamma'), docOf('alpha gamma'))
    expect(map.mapResult(9).deleted).toBe(true)
    expect(map.map(12)).toBe(7)
    expect(map.map(3)).toBe(3)
  })

  it('handles a paragraph added in another block', () => {
    const before = docOf('first', 'second')
    const after = docOf('first', 'new', 'second')
    const map = documentDiffMap(before, after)
    expect(map.map(3)).toBe(3)
    const secondStart = before.child(0).nodeSize + 1
    expect(map.map(secondStart)).toBe(secondStart + after.child(1).nodeSize)
  })
})
