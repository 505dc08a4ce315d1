import type * as Y from 'yjs'
import { buildArticleTextIndex } from '../../src/core/anchoring'
import type { Annotation } from '../../src/core/annotations/annotation'
import { AnnotationStore } from '../../src/core/annotations/annotation-store'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import {
  fromW3C,
  ImportClock,
  writeImportedAnnotations,
  type ImportReport,
  type WriteOutcome,
} from '../../src/core/w3c'

export interface ImportDestination {
  /** The article as the window shows it now, and the fragment it was read from. */
  readonly article: ArticleDoc
  readonly fragment: Y.XmlFragment
  readonly articleHash: string
  /** The reader's own store: imported annotations go into the reader's documents. */
  readonly store: AnnotationStore
  /** What the reader can already read: imported replies may answer it. */
  readonly existing: readonly Annotation[]
  readonly now: Date
}

export interface ImportResult {
  readonly report: ImportReport
  readonly outcome: WriteOutcome
}

/**
 * W3C or Hypothesis JSON into the reader's own documents, each annotation re-anchored to the open
 * article by its quote, as `hamish import-annotations` does it. The annotations keep the times
 * they were written (a store of their own, on the reader's documents, whose clock is set to each
 * one's time). What cannot be anchored, or is about another article, is reported, not attached.
 *
 * @throws AnnotationImportError when the file is not JSON, or holds no annotations at all.
 */
export function importAnnotationsInto(json: string, destination: ImportDestination): ImportResult {
  const { store } = destination
  const parsed = fromW3C(json, {
    article: destination.article,
    user: { id: store.userId, name: store.userName },
    now: destination.now,
  })
  const clock = new ImportClock()
  const importer = new AnnotationStore({
    userId: store.userId,
    userName: store.userName,
    docs: store.docs,
    now: clock.now,
  })
  try {
    const outcome = writeImportedAnnotations(parsed.imported, {
      store: importer,
      clock,
      fragment: destination.fragment,
      index: buildArticleTextIndex(destination.article.content),
      articleHash: destination.articleHash,
      existing: new Map(destination.existing.map((annotation) => [annotation.id, annotation])),
    })
    return { report: parsed.report, outcome }
  } finally {
    importer.destroy()
  }
}
