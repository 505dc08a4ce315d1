import { extensions as coreExtensions, type AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { BlockRole } from './block-role'
import { FrontMatter } from './front-matter'

/**
 * The article's schema, in one place: the editor and whoever seeds the Yjs fragment must build
 * exactly the same schema, or the seeded document would not load in the editor.
 */
export interface ArticleExtensionsOptions {
  /** See `FrontMatterOptions.summaryLabelledBy`. */
  frontMatterLabelledBy?: string
}

export function articleExtensions(options: ArticleExtensionsOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own history, and a trailing paragraph added by each client
      // would be a real edit to the shared article.
      undoRedo: false,
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: false,
        protocols: ['http', 'https', 'mailto'],
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    FrontMatter.configure({ summaryLabelledBy: options.frontMatterLabelledBy ?? null }),
    BlockRole,
    // Per-block direction attribute (`dir`), as TipTap's own TextDirection provides; listed here
    // rather than as an editor option so that `getSchema()` sees it too.
    coreExtensions.TextDirection.configure({ direction: 'auto' }),
  ]
}
