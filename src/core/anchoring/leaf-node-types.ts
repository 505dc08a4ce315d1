/**
 * Node types that are leaves in the article schema (StarterKit's, as `src/editor` configures it,
 * plus an image should an importer ever produce one). ProseMirror JSON and the Y.XmlFragment both
 * write a leaf exactly as they write an empty paragraph, a node with no content, yet a leaf takes
 * one document position and an empty paragraph two: only the schema tells them apart.
 */
export const LEAF_NODE_TYPES: ReadonlySet<string> = new Set([
  'hardBreak',
  'horizontalRule',
  'image',
])

export const HARD_BREAK_TYPE = 'hardBreak'
