import type * as Y from 'yjs'
import { createAnchor } from '../anchoring/anchor'
import type { ArticleTextIndex } from '../anchoring/article-text-index'
import type { Annotation } from '../annotations/annotation'
import type { AnnotationStore } from '../annotations/annotation-store'
import type { ImportedAnnotation } from './from-w3c'

export interface ImportTarget {
  /** The importing user's store; its clock is `clock` below, so imported times are kept. */
  readonly store: AnnotationStore
  readonly clock: ImportClock
  /** The article's `XmlFragment('content')` and the index of the text it holds. */
  readonly fragment: Y.XmlFragment
  readonly index: ArticleTextIndex
  readonly articleHash: string
  /** Annotations already in the seminar that the user may read: replies may answer them. */
  readonly existing: ReadonlyMap<string, Annotation>
}

export interface WriteOutcome {
  readonly written: readonly Annotation[]
  /** Annotations that could not be stored, with why (the passage holds no text, a bad body…). */
  readonly refused: readonly { readonly id: string; readonly problem: string }[]
}

/** The time the store stamps on what it writes: set to each imported annotation's own time. */
export class ImportClock {
  private time = new Date()
  readonly now = (): Date => new Date(this.time)
  set(iso: string): void {
    const time = new Date(iso)
    this.time = Number.isNaN(time.getTime()) ? new Date() : time
  }
}

/**
 * Writes what `fromW3C` anchored into the user's documents through their `AnnotationStore`, so
 * every entry is validated as the app's own are. Imported annotations get new ids (the file may
 * come from a member of this very seminar, whose ids are taken); replies follow their thread.
 */
export function writeImportedAnnotations(
  imported: readonly ImportedAnnotation[],
  target: ImportTarget,
): WriteOutcome {
  const { clock } = target
  const newIds = new Map<string, Annotation>()
  const written: Annotation[] = []
  const refused: { id: string; problem: string }[] = []
  for (const item of imported) {
    try {
      clock.set(item.createdAt)
      const annotation = writeOne(item, target, newIds)
      newIds.set(item.id, annotation)
      written.push(annotation)
    } catch (error) {
      refused.push({ id: item.id, problem: error instanceof Error ? error.message : String(error) })
    }
  }
  return { written, refused }
}

function writeOne(
  item: ImportedAnnotation,
  target: ImportTarget,
  newIds: ReadonlyMap<string, Annotation>,
): Annotation {
  const { store } = target
  const visibility = item.visibility ?? 'class'
  if (item.kind === 'reply') {
    const to =
      item.replyTo === undefined
        ? undefined
        : (newIds.get(item.replyTo) ?? target.existing.get(item.replyTo))
    if (to === undefined) throw new Error('the annotation it replies to is not in this seminar')
    return store.reply({ to, body: item.body, tags: item.tags, visibility })
  }
  if (item.selectors === undefined) throw new Error('it names no passage')
  const anchor = createAnchor({
    fragment: target.fragment,
    index: target.index,
    articleHash: target.articleHash,
    from: target.index.positionAt(item.selectors.position.start),
    to: target.index.positionAt(item.selectors.position.end),
  })
  if (anchor === null) throw new Error('its passage holds no text')
  let annotation =
    item.kind === 'comment'
      ? store.createComment({
          anchor,
          body: item.body,
          tags: item.tags,
          color: item.color,
          visibility,
        })
      : store.createHighlight({ anchor, color: item.color, visibility })
  if (item.resolved === true) annotation = store.resolve(annotation.id)
  return annotation
}
