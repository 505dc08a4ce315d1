import { Node, mergeAttributes } from '@tiptap/core'
import type { Node as PMNode, NodeType } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import { ANNOTATION_QUOTE, annotationIdAt } from './annotation-id-at'
import { quoteParagraphs } from './quote-content'
import { quoteTitles } from './quote-titles'

export type QuoteDirection = 'rtl' | 'ltr' | 'auto'

export interface AnnotationQuoteInsert {
  /** The annotation the quote links back to; null for a quote no longer linked to one. */
  annotationId: string | null
  /** The quoted passage; blank lines separate its paragraphs. */
  text: string
  /** The passage's direction; unset, each paragraph takes it from its first strong character. */
  dir?: QuoteDirection
  /**
   * Where to put it: after the top-level block holding the selection (in place of that block
   * when it is an empty paragraph), or at the end of the notebook (the default, since the notebook need not
   * have been focused when the reader quotes from the article).
   */
  at?: 'selection' | 'end'
}

export interface AnnotationQuoteOptions {
  HTMLAttributes: Record<string, unknown>
  /**
   * Following a linked quote back to its passage: a click inside it, in an editable notebook as
   * in a read-only one, or Alt+Enter with the caret inside it (`followAnnotationQuote`).
   */
  onQuoteClick?: (annotationId: string) => void
  /**
   * The title of every linked quote (its tooltip, spoken by a screen reader), telling how to
   * follow it, in the UI language; asked again on every redraw. Only with `onQuoteClick`.
   */
  followHint?: () => string
}

export const annotationQuoteClickKey = new PluginKey('annotationQuoteClick')

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annotationQuote: {
      /**
       * Inserts a quote of an annotated passage, followed by an empty paragraph holding the
       * caret, so the reader can write about it straight away.
       */
      insertAnnotationQuote: (quote: AnnotationQuoteInsert) => ReturnType
      /**
       * Follows the linked quote holding the caret back to its passage (`onQuoteClick`): the
       * keyboard's way to do what a click does. False outside a linked quote.
       */
      followAnnotationQuote: () => ReturnType
    }
  }
}

/**
 * A passage quoted into the study notebook, linked to the annotation it came from. Its `dir`
 * attribute comes from TipTap's TextDirection extension, as for every other block.
 */
export const AnnotationQuote = Node.create<AnnotationQuoteOptions>({
  name: ANNOTATION_QUOTE,
  group: 'block',
  content: 'paragraph+',
  defining: true,

  addOptions() {
    return { HTMLAttributes: {} }
  },

  addAttributes() {
    return {
      annotationId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-annotation-id') || null,
        renderHTML: (attributes) =>
          typeof attributes['annotationId'] === 'string'
            ? { 'data-annotation-id': attributes['annotationId'] }
            : {},
      },
    }
  },

  parseHTML() {
    // Ahead of the plain blockquote's rule, which would otherwise take these too.
    return [{ tag: 'blockquote[data-type="annotation-quote"]', priority: 60 }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'blockquote',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
        'data-type': 'annotation-quote',
      }),
      0,
    ]
  },

  addCommands() {
    return {
      insertAnnotationQuote:
        (quote) =>
        ({ tr, dispatch }) => {
          const { schema } = tr.doc.type
          const quoteType = schema.nodes[this.name]
          const paragraph = schema.nodes['paragraph']
          if (!quoteType || !paragraph) return false
          if (!dispatch) return true
          const dirAttrs = (type: NodeType) =>
            quote.dir !== undefined && type.spec.attrs?.['dir'] !== undefined
              ? { dir: quote.dir }
              : null
          const node = quoteType.createChecked(
            { ...dirAttrs(quoteType), annotationId: quote.annotationId },
            quoteParagraphs(schema, quote.text, dirAttrs(paragraph)),
          )
          insertWithParagraphAfter(tr, node, paragraph, quote.at ?? 'end')
          return true
        },
      followAnnotationQuote:
        () =>
        ({ state, dispatch }) => {
          const { onQuoteClick } = this.options
          const id = annotationIdAt(state, state.selection.head)
          if (id === null || !onQuoteClick) return false
          if (dispatch) onQuoteClick(id)
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    // Alt+Enter: bound neither by the editor (Enter, Shift/Mod+Enter) nor by the app or the
    // desktop menus (see the Help dialog's list). Outside a linked quote it is left unhandled.
    return { 'Alt-Enter': () => this.editor.commands.followAnnotationQuote() }
  },

  addProseMirrorPlugins() {
    const { onQuoteClick, followHint } = this.options
    if (!onQuoteClick) return []
    const titles = quoteTitles()
    return [
      new Plugin({
        key: annotationQuoteClickKey,
        props: {
          decorations: (state) => (followHint ? titles(state.doc, followHint()) : null),
          handleClick: (view, pos, event) => {
            if (event.shiftKey || event.button !== 0) return false
            const id = annotationIdAt(view.state, pos)
            if (id !== null) onQuoteClick(id)
            // Left unhandled so the caret still lands in the quote, which stays editable.
            return false
          },
        },
      }),
    ]
  },
})

function insertWithParagraphAfter(
  tr: Transaction,
  node: PMNode,
  paragraph: NodeType,
  at: 'selection' | 'end',
): void {
  const pos =
    at === 'selection' ? insertionAtSelection(tr, paragraph) : insertionAtEnd(tr.doc, paragraph)
  tr.insert(pos, node)
  const after = pos + node.nodeSize
  const next = tr.doc.nodeAt(after)
  if (!(next && isEmptyParagraph(next, paragraph))) tr.insert(after, paragraph.create())
  tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView()
}

/** Top-level only: a quote inside a list item or another quote would not fit their content. */
function insertionAtSelection(tr: Transaction, paragraph: NodeType): number {
  const { $from } = tr.selection
  if ($from.depth === 0) return tr.selection.from
  return isEmptyParagraph($from.node(1), paragraph) ? $from.before(1) : $from.after(1)
}

/** Before a trailing empty paragraph, which then becomes the one the caret goes to. */
function insertionAtEnd(doc: PMNode, paragraph: NodeType): number {
  const last = doc.lastChild
  return last && isEmptyParagraph(last, paragraph)
    ? doc.content.size - last.nodeSize
    : doc.content.size
}

function isEmptyParagraph(node: PMNode, paragraph: NodeType): boolean {
  return node.type === paragraph && node.content.size === 0
}
