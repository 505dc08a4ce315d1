import { Schema, type AttributeSpec } from '@tiptap/pm/model'

/*
 * A ProseMirror schema with the article's node and mark types, for tests only: it gives the
 * true document positions to check the anchoring code against, and lets y-prosemirror's own
 * converter build the Y.XmlFragment the editor would. The real schema lives in `src/editor`,
 * which the core may not import; positions depend only on which nodes are leaves, which
 * `leaf-node-types` states for both.
 */

const attrs = (...names: string[]): Record<string, AttributeSpec> =>
  Object.fromEntries(names.map((name) => [name, { default: null }]))

const block = attrs('dir', 'role')

export const articleTestSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', attrs: block },
    heading: { group: 'block', content: 'inline*', attrs: { ...block, level: { default: 1 } } },
    frontMatter: { group: 'block', content: 'paragraph+', attrs: block },
    blockquote: { group: 'block', content: 'block+', attrs: block },
    bulletList: { group: 'block', content: 'listItem+', attrs: block },
    orderedList: { group: 'block', content: 'listItem+', attrs: attrs('dir', 'start', 'type') },
    listItem: { content: 'paragraph block*', attrs: block },
    codeBlock: { group: 'block', content: 'text*', marks: '', attrs: attrs('dir', 'language') },
    horizontalRule: { group: 'block' },
    text: { group: 'inline' },
    hardBreak: { group: 'inline', inline: true },
    image: { group: 'inline', inline: true, attrs: attrs('src', 'alt') },
  },
  marks: {
    link: { attrs: attrs('href', 'target', 'rel', 'class', 'title') },
    bold: {},
    italic: {},
    code: {},
    strike: {},
    underline: {},
  },
})
