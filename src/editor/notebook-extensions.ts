import { extensions as coreExtensions, type AnyExtension } from '@tiptap/core'
import { Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import { safeLinkHref } from '../core/article/link-href'
import { AnnotationQuote } from './annotation-quote'

export interface NotebookExtensionsOptions {
  /**
   * Shown in the empty notebook, in the UI language. A function is asked again on every
   * redraw, so switching language needs no new editor. Without it, no placeholder is shown.
   */
  placeholder?: string | (() => string)
  /** See `AnnotationQuoteOptions.onQuoteClick`. */
  onQuoteClick?: (annotationId: string) => void
  /** See `AnnotationQuoteOptions.followHint`. */
  followHint?: () => string
}

/**
 * The study notebook's editor, without the Collaboration extension, which the caller adds with
 * the notebook's Yjs fragment (its history is then the only undo).
 */
export function notebookExtensions(options: NotebookExtensionsOptions = {}): AnyExtension[] {
  const { placeholder, onQuoteClick, followHint } = options
  return [
    StarterKit.configure({
      // Collaboration brings its own undo, scoped to this client's changes.
      undoRedo: false,
      // The trailing paragraph would be an edit to the shared document, made by every client
      // that opens it; made concurrently, the merge keeps one per client. Quotes are inserted
      // with an empty paragraph after them instead.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => safeLinkHref(url) !== null,
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    AnnotationQuote.configure({
      ...(onQuoteClick ? { onQuoteClick } : {}),
      ...(followHint ? { followHint } : {}),
    }),
    // `dir="auto"` on every block: each paragraph takes its direction from its own first strong
    // character, so Arabic and English notes sit side by side.
    coreExtensions.TextDirection.configure({ direction: 'auto' }),
    ...(placeholder === undefined
      ? []
      : [
          Placeholder.configure({
            placeholder: typeof placeholder === 'string' ? placeholder : () => placeholder(),
          }),
        ]),
  ]
}
