import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { PMNode } from '../../article/article-doc'
import { buildArticleTextIndex, type ArticleTextIndex } from '../article-text-index'
import { relativePositionFromPmPos } from '../relative-position'
import { articleTestSchema } from './article-test-schema'

export const ARTICLE_FIELD = 'content'

/** A Y.Doc holding `content` in `XmlFragment('content')`, written as y-prosemirror writes it. */
export function seededArticleDoc(content: PMNode): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(ARTICLE_FIELD)
  prosemirrorJSONToYXmlFragment(articleTestSchema, content, fragment)
  return { doc, fragment }
}

/** The ProseMirror JSON the editor would show for the fragment now. */
export function fragmentJSON(fragment: Y.XmlFragment): PMNode {
  return yXmlFragmentToProsemirrorJSON(fragment) as PMNode
}

export function indexOfFragment(fragment: Y.XmlFragment): ArticleTextIndex {
  return buildArticleTextIndex(fragmentJSON(fragment))
}

/** A doc of paragraphs, one per string. */
export function paragraphsDoc(...texts: string[]): PMNode {
  return {
    type: 'doc',
    content: texts.map((text) => ({
      type: 'paragraph',
      ...(text === '' ? {} : { content: [{ type: 'text', text }] }),
    })),
  }
}

/** The Y.XmlText holding a document position, and the position's index in it. */
export function xmlTextAt(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  pos: number,
): { text: Y.XmlText; index: number } {
  const absolute = Y.createAbsolutePositionFromRelativePosition(
    relativePositionFromPmPos(fragment, pos),
    doc,
  )
  if (absolute === null || !(absolute.type instanceof Y.XmlText)) {
    throw new Error(`position ${pos} is not inside text`)
  }
  return { text: absolute.type, index: absolute.index }
}
