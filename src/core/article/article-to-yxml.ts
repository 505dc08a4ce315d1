import * as Y from 'yjs'
import type { PMMark, PMNode } from './article-doc'

/**
 * Writes an article's ProseMirror JSON into a Y.XmlFragment exactly as y-prosemirror's
 * `prosemirrorJSONToYXmlFragment` does with the article schema, without that schema: the
 * schema is built from TipTap extensions, which the server may not load. The attribute tables
 * below are that schema's attributes and defaults; a test in src/collab compares them, and the
 * fragments both write, against the real schema, so the two cannot drift apart unnoticed.
 *
 * As y-prosemirror does: node attributes are the schema's attributes (defaults filled in,
 * unknown ones dropped) without the null ones; a run of text nodes becomes one Y.XmlText whose
 * formatting attributes are the marks, each mark name mapped to its full attributes.
 */

/** Node type → its attributes with their defaults, as the article schema declares them. */
export const ARTICLE_NODE_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, unknown>>>> =
  {
    doc: { dir: 'auto' },
    text: {},
    paragraph: { role: null, dir: 'auto' },
    heading: { role: null, dir: 'auto', level: 1 },
    blockquote: { dir: 'auto' },
    bulletList: { dir: 'auto' },
    orderedList: { dir: 'auto', start: 1, type: null },
    listItem: { dir: 'auto' },
    codeBlock: { dir: 'auto', language: null },
    hardBreak: { dir: 'auto' },
    horizontalRule: { dir: 'auto' },
    frontMatter: { dir: 'auto' },
  }

/** Mark type → its attributes with their defaults. Every article mark excludes itself. */
export const ARTICLE_MARK_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, unknown>>>> =
  {
    link: {
      href: null,
      target: '_blank',
      rel: 'noopener noreferrer nofollow',
      class: null,
      title: null,
    },
    bold: {},
    code: {},
    italic: {},
    strike: {},
    underline: {},
  }

/** Deeper than any real article; stops a crafted document from exhausting the stack. */
export const MAX_ARTICLE_DEPTH = 64

/** The article uses something the article schema does not have; the message says what. */
export class ArticleContentError extends Error {
  override readonly name = 'ArticleContentError'
}

/** Appends the content of `doc` (a ProseMirror `doc` node) to `fragment`. */
export function writeArticleToYXmlFragment(doc: PMNode, fragment: Y.XmlFragment): void {
  if (doc.type !== 'doc') {
    throw new ArticleContentError(`the article content must be a "doc" node, not "${doc.type}".`)
  }
  fragment.insert(fragment.length, childrenOf(doc, 0))
}

/** `depth`: how deep `node` is; the doc is 0, its blocks 1. */
function childrenOf(node: PMNode, depth: number): Array<Y.XmlElement | Y.XmlText> {
  const children: Array<Y.XmlElement | Y.XmlText> = []
  let textRun: PMNode[] = []
  const endTextRun = () => {
    if (textRun.length > 0) children.push(textOf(textRun))
    textRun = []
  }
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      textRun.push(child)
    } else {
      endTextRun()
      children.push(elementOf(child, depth + 1))
    }
  }
  endTextRun()
  return children
}

function elementOf(node: PMNode, depth: number): Y.XmlElement {
  if (depth > MAX_ARTICLE_DEPTH) {
    throw new ArticleContentError(`the article nests deeper than ${MAX_ARTICLE_DEPTH} levels.`)
  }
  const declared = ARTICLE_NODE_ATTRIBUTES[node.type]
  if (!declared || node.type === 'doc') {
    throw new ArticleContentError(
      `the article has a "${node.type}" node, which Hamish cannot show.`,
    )
  }
  const element = new Y.XmlElement(node.type)
  for (const [name, value] of Object.entries(withDefaults(declared, node.attrs))) {
    if (value !== null) element.setAttribute(name, value as string)
  }
  element.insert(0, childrenOf(node, depth))
  return element
}

function textOf(nodes: PMNode[]): Y.XmlText {
  const text = new Y.XmlText()
  text.applyDelta(
    nodes.map((node) => {
      if (typeof node.text !== 'string' || node.text === '') {
        throw new ArticleContentError('the article has an empty text node.')
      }
      return { insert: node.text, attributes: markAttributes(node.marks ?? []) }
    }),
  )
  return text
}

function markAttributes(marks: PMMark[]): Record<string, Record<string, unknown>> {
  const attributes: Record<string, Record<string, unknown>> = {}
  for (const mark of marks) {
    const declared = ARTICLE_MARK_ATTRIBUTES[mark.type]
    if (!declared) {
      throw new ArticleContentError(
        `the article has a "${mark.type}" mark, which Hamish cannot show.`,
      )
    }
    attributes[mark.type] = withDefaults(declared, mark.attrs)
  }
  return attributes
}

/** As ProseMirror's `computeAttrs`: the declared attributes, given values over defaults. */
function withDefaults(
  declared: Readonly<Record<string, unknown>>,
  given: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const attrs: Record<string, unknown> = {}
  for (const [name, fallback] of Object.entries(declared)) {
    const value = given?.[name]
    attrs[name] = value === undefined ? fallback : value
  }
  return attrs
}
