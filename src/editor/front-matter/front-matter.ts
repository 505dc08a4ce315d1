import { Node, getRenderedAttributes, mergeAttributes, type ExtensionAttribute } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { NodeView, NodeViewConstructor } from '@tiptap/pm/view'

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

  // A plugin's node view rather than `addNodeView`: TipTap builds its node views anew each time
  // it hands them to ProseMirror (at creation, and again as the editor mounts), ProseMirror takes
  // new functions for new views, and it then draws the whole article again and reads the DOM
  // selection back, which makes Chromium lay the article out there and then. This function stays
  // the same, so mounting changes nothing.
  addProseMirrorPlugins() {
    const { editor, name, options } = this
    let attributes: ExtensionAttribute[] | undefined
    const nodeView: NodeViewConstructor = (node) => {
      attributes ??= editor.extensionManager.attributes.filter((entry) => entry.type === name)
      return frontMatterView(
        mergeAttributes(options.HTMLAttributes, getRenderedAttributes(node, attributes)),
        options.summaryLabelledBy,
      )
    }
    return [
      new Plugin({
        key: new PluginKey('frontMatterView'),
        props: { nodeViews: { [name]: nodeView } },
      }),
    ]
  },
})

function frontMatterView(
  attributes: Record<string, unknown>,
  summaryLabelledBy: string | null,
): NodeView {
  const dom = document.createElement('details')
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) dom.setAttribute(name, String(value))
  }
  dom.dataset['type'] = 'front-matter'
  dom.classList.add('front-matter')
  const summary = document.createElement('summary')
  summary.className = 'front-matter-summary'
  summary.contentEditable = 'false'
  if (summaryLabelledBy) summary.setAttribute('aria-labelledby', summaryLabelledBy)
  const contentDOM = document.createElement('div')
  contentDOM.className = 'front-matter-body'
  dom.append(summary, contentDOM)
  return {
    dom,
    contentDOM,
    // Clicks and keys on the summary open and close the <details> natively; the editor must
    // not take them as editing (Enter would otherwise be swallowed as "split block").
    stopEvent: (event) => event.target instanceof globalThis.Node && summary.contains(event.target),
    // Opening and closing the <details> is the reader's view state, not a document change.
    ignoreMutation: (mutation) =>
      (mutation.type === 'attributes' && mutation.target === dom) ||
      summary.contains(mutation.target as globalThis.Node),
  }
}
