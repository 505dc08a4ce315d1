import { Extension } from '@tiptap/core'
import { BlockRole as BlockRoleSchema } from '../../core/article/article-doc'

export interface BlockRoleOptions {
  /** Node types that may carry a role. */
  types: string[]
}

/**
 * Carries the importer's `role` (title, author, abstract, keywords…) through the editor and
 * into the DOM as `data-role`, so the reader can style bylines and exporters can find them.
 */
export const BlockRole = Extension.create<BlockRoleOptions>({
  name: 'blockRole',

  addOptions() {
    return { types: ['heading', 'paragraph'] }
  },

  addGlobalAttributes() {
    return [
      {
        types: this.options.types,
        attributes: {
          role: {
            default: null,
            parseHTML: (element) => {
              const parsed = BlockRoleSchema.safeParse(element.getAttribute('data-role'))
              return parsed.success ? parsed.data : null
            },
            renderHTML: (attributes) =>
              attributes['role'] ? { 'data-role': attributes['role'] } : {},
          },
        },
      },
    ]
  },
})
