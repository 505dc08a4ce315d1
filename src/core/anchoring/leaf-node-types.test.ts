import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { describe, expect, it } from 'vitest'
import { LEAF_NODE_TYPES } from './leaf-node-types'

describe('leaf node types', () => {
  it("include every leaf of StarterKit's schema, which the article schema is built on", () => {
    // The core may not import the editor's own schema; its nodes are StarterKit's plus
    // non-leaf blocks of its own (front matter), so StarterKit's leaves are the article's.
    const schema = getSchema([StarterKit])
    const leaves = Object.values(schema.nodes)
      .filter((type) => type.isLeaf && !type.isText)
      .map((type) => type.name)
    expect(leaves).toContain('hardBreak')
    for (const leaf of leaves) expect(LEAF_NODE_TYPES.has(leaf), leaf).toBe(true)
    for (const name of ['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']) {
      expect(LEAF_NODE_TYPES.has(name), name).toBe(false)
    }
  })
})
