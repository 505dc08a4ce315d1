import { matchQuote } from '../anchoring/quote-match'
import type { Annotation } from '../annotations/annotation'
import { byCreation } from '../annotations/annotation-order'
import { groupThreads, type OrphanedReplies } from '../annotations/annotation-threads'
import type { ArticleDoc } from '../article/article-doc'
import { articlePlainText } from '../article/article-text'
import { contentHash } from '../content-hash'
import { articleSections, type ArticleSections, type SectionPlace } from './article-sections'

/** The article as exports read it: its text, its edition's hash and its sections. */
export interface ArticleContext {
  readonly text: string
  readonly hash: string
  readonly sections: ArticleSections
}

export function articleContext(article: ArticleDoc): ArticleContext {
  const text = articlePlainText(article.content)
  return { text, hash: contentHash(text), sections: articleSections(article.content) }
}

/** A thread with the place of its passage in the article. */
export interface PlacedThread {
  readonly root: Annotation
  readonly replies: readonly Annotation[]
  /** Where the passage starts in the article's text now; Infinity when it cannot be told. */
  readonly start: number
  readonly place: SectionPlace
}

export interface PlacedThreads {
  /** In reading order. */
  readonly threads: readonly PlacedThread[]
  readonly orphanedReplies: readonly OrphanedReplies[]
}

export function placeThreads(
  annotations: readonly Annotation[],
  context: ArticleContext,
): PlacedThreads {
  const grouping = groupThreads(annotations)
  const threads = grouping.threads
    .map((thread) => {
      const start = passageStart(thread.root, context)
      const place: SectionPlace = Number.isFinite(start)
        ? (context.sections.sectionAt(start) ?? 'before-first')
        : 'unplaced'
      return { root: thread.root, replies: thread.replies, start, place }
    })
    .sort((a, b) => a.start - b.start || byCreation(a.root, b.root))
  return { threads, orphanedReplies: grouping.orphanedReplies }
}

/**
 * Where a passage starts in this edition of the article. Offsets made on another edition point
 * elsewhere, so there the quote is looked for, near where it was; failing that, the old offset
 * is the best guess left.
 */
function passageStart(root: Annotation, context: ArticleContext): number {
  const anchor = root.anchor
  if (anchor === undefined) return Infinity
  if (anchor.articleHash === context.hash) return anchor.position.start
  const match = matchQuote(context.text, anchor.quote, { hint: anchor.position.start })
  return 'start' in match ? match.start : anchor.position.start
}
