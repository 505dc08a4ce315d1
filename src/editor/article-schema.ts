import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { articleExtensions } from './article-extensions'

let cached: Schema | undefined

/** The ProseMirror schema of an article, for code that works on the document without an editor. */
export function articleSchema(): Schema {
  cached ??= getSchema(articleExtensions())
  return cached
}
