import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type { ArticleDoc, PMNode } from '../../src/core/article/article-doc'
import type { LocalReading } from '../../src/collab/local-reading'

/**
 * The article a reading shows now, as the server seeds a seminar with it: the text as edited in
 * this window ("Edit article"), not the file it was first opened from.
 */
export function articleOfReading(reading: Pick<LocalReading, 'fragment' | 'meta'>): ArticleDoc {
  return {
    meta: reading.meta.article,
    content: yXmlFragmentToProsemirrorJSON(reading.fragment) as PMNode,
  }
}
