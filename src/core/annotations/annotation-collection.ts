import type * as Y from 'yjs'
import type { Annotation } from './annotation'
import { AnnotationDocView } from './annotation-doc-view'
import type { AnnotationSource, InvalidAnnotation } from './annotation-entry'
import { regroupThreads, type IndexedThreads, type ThreadGrouping } from './annotation-threads'
import { MergedAnnotations } from './merged-annotations'

interface Member {
  readonly view: AnnotationDocView
  readonly unsubscribe: () => void
}

/**
 * A read-only view of the annotations in any number of documents: the user's own and other
 * members' class and instructor documents, as they become readable. Everything is validated;
 * what cannot be read is reported by `invalid()`. Results are cached until a document changes,
 * so the same arrays come back while nothing has.
 */
export class AnnotationCollection {
  private readonly members = new Map<Y.Doc, Member>()
  private readonly merged = new MergedAnnotations(
    'another document already holds an annotation with this id',
  )
  private readonly listeners = new Set<() => void>()
  private indexed: IndexedThreads | null = null

  constructor(sources: readonly AnnotationSource[] = []) {
    for (const source of sources) this.add(source)
  }

  /** Adds a document; its annotations rank after those of documents added before it. */
  add(source: AnnotationSource): void {
    if (this.members.has(source.doc)) {
      throw new Error('This document is already in the collection.')
    }
    const view = new AnnotationDocView(source)
    const unsubscribe = view.subscribe((ids) => {
      this.merged.changed(ids)
      this.notify()
    })
    this.members.set(source.doc, { view, unsubscribe })
    this.merged.setViews(this.views())
    if (view.entries.size > 0) this.notify()
  }

  remove(doc: Y.Doc): void {
    const member = this.members.get(doc)
    if (!member) return
    member.unsubscribe()
    member.view.destroy()
    this.members.delete(doc)
    this.merged.setViews(this.views())
    this.notify()
  }

  /** Every readable annotation, oldest first. */
  all(): readonly Annotation[] {
    return this.merged.all()
  }

  /** Threads in reading order, and replies whose thread is missing. */
  threads(): ThreadGrouping {
    const all = this.all()
    if (this.indexed?.from !== all) this.indexed = regroupThreads(this.indexed, all)
    return this.indexed.grouping
  }

  /**
   * Entries left out of `all()`: unreadable ones, forgeries (an author other than the
   * document's owner), and a second annotation under an id another document already uses.
   */
  invalid(): readonly InvalidAnnotation[] {
    return this.merged.invalid()
  }

  /** Called once per transaction that changes annotations in any of the documents. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    for (const { view, unsubscribe } of this.members.values()) {
      unsubscribe()
      view.destroy()
    }
    this.members.clear()
    this.merged.setViews([])
    this.listeners.clear()
  }

  private views(): AnnotationDocView[] {
    return [...this.members.values()].map((member) => member.view)
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener()
  }
}
