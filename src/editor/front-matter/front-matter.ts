import { Node, mergeAttributes } from '@tiptap/core'

export interface FrontMatterOptions {
  HTMLAttributes: Record<string, unknown>
  /** Id of an element outside the editor whose text names the folded block, in the UI language. */
  summaryLabelledBy: string | null
}

/**
 * The publisher's header and licence, kept in the document (nothing of the source is lost)
 * but folded away from the reading flow. Rendered as a native <details>, so it opens with
 * the keyboard and screen readers announce it as expandable. The summary's words belong to the
 * UI language, not to the article: they are shown from the UI's CSS (`--front-matter-label`) and
 * spoken from the element `summaryLabelledBy` names, so switching language needs no re-render.
 */
export const FrontMatter = Node.create<FrontMatterOptions>({
  name: 'frontMatter',
  group: 'block',
  content: 'paragraph+',
  defining: true,

  addOptions() {
    return { HTMLAttributes: {}, summaryLabelledBy: null }
  },

  parseHTML() {
    return [{ tag: 'details[data-type="front-matter"]', contentElement: '.front-matter-body' }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'details',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
        'data-type': 'front-matter',
        class: 'front-matter',
      }),
      ['summary', { class: 'front-matter-summary', contenteditable: 'false' }],
      ['div', { class: 'front-matter-body' }, 0],
    ]
  },

  addNodeView() {
    return ({ HTMLAttributes }) => {
      const dom = document.createElement('details')
      for (const [name, value] of Object.entries(
        mergeAttributes(this.options.HTMLAttributes, HTMLAttributes),
      )) {
        if (value !== null && value !== undefined) dom.setAttribute(name, String(value))
      }
      dom.dataset['type'] = 'front-matter'
      dom.classList.add('front-matter')
      const summary = document.createElement('summary')
      summary.className = 'front-matter-summary'
      summary.contentEditable = 'false'
      if (this.options.summaryLabelledBy) {
        summary.setAttribute('aria-labelledby', this.options.summaryLabelledBy)
      }
      const contentDOM = document.createElement('div')
      contentDOM.className = 'front-matter-body'
      dom.append(summary, contentDOM)
      return {
        dom,
        contentDOM,
        // Clicks and keys on the summary open and close the <details> natively; the editor must
        // not take them as editing (Enter would otherwise be swallowed as "split block").
        stopEvent: (event) =>
          event.target instanceof globalThis.Node && summary.contains(event.target),
        // Opening and closing the <details> is the reader's view state, not a document change.
        ignoreMutation: (mutation) =>
          (mutation.type === 'attributes' && mutation.target === dom) ||
          summary.contains(mutation.target as globalThis.Node),
      }
    }
  },
})
