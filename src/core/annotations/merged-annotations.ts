import type { Annotation } from './annotation'
import type { AnnotationDocView } from './annotation-doc-view'
import { entryFields, type InvalidAnnotation } from './annotation-entry'
import { byCreation } from './annotation-order'

/**
 * The annotations of several documents as one list, oldest first. Where two documents hold the
 * same id, the first document (in the order given) wins and the other copy is reported.
 *
 * With thousands of annotations and a change per keystroke, sorting on every change costs
 * more than a frame; so a change that only edits annotations (none added, removed, re-dated or
 * duplicated) patches the previous list in place of sorting anew.
 */
export class MergedAnnotations {
  private views: readonly AnnotationDocView[] = []
  private sorted: readonly Annotation[] = []
  private positions = new Map<string, number>()
  private invalidEntries: readonly InvalidAnnotation[] = []
  /** Ids with an unreadable entry or a second copy somewhere: any change to them re-sorts. */
  private irregular = new Set<string>()
  private readonly pending = new Set<string>()
  private stale = true

  constructor(private readonly duplicateProblem: string) {}

  setViews(views: readonly AnnotationDocView[]): void {
    this.views = views
    this.stale = true
  }

  /** Tells the list which ids a document change touched. */
  changed(ids: Iterable<string>): void {
    if (this.stale) return
    for (const id of ids) this.pending.add(id)
  }

  all(): readonly Annotation[] {
    this.update()
    return this.sorted
  }

  invalid(): readonly InvalidAnnotation[] {
    this.update()
    return this.invalidEntries
  }

  get(id: string): Annotation | undefined {
    for (const view of this.views) {
      const annotation = view.get(id)
      if (annotation) return annotation
    }
    return undefined
  }

  private update(): void {
    if (!this.stale && this.pending.size > 0) this.patch()
    if (this.stale) this.rebuild()
    this.pending.clear()
  }

  private patch(): void {
    let next: Annotation[] | null = null
    for (const id of this.pending) {
      const index = this.positions.get(id)
      const holders = this.views.filter((view) => view.reading(id) !== undefined)
      const now = holders.length === 1 ? holders[0]?.get(id) : undefined
      const before = index === undefined ? undefined : this.sorted[index]
      if (
        index === undefined ||
        before === undefined ||
        now === undefined ||
        this.irregular.has(id) ||
        now.createdAt !== before.createdAt
      ) {
        this.stale = true
        return
      }
      if (now !== before) {
        next ??= [...this.sorted]
        next[index] = now
      }
    }
    if (next) this.sorted = next
  }

  private rebuild(): void {
    const winners = new Map<string, Annotation>()
    const invalid: InvalidAnnotation[] = []
    for (const view of this.views) {
      for (const entry of view.invalid()) invalid.push(entry)
      for (const annotation of view.annotations()) {
        if (!winners.has(annotation.id)) {
          winners.set(annotation.id, annotation)
          continue
        }
        invalid.push({
          id: annotation.id,
          owner: view.source.owner,
          visibility: view.source.visibility,
          problem: this.duplicateProblem,
          raw: entryFields(view.entries.get(annotation.id)),
        })
      }
    }
    this.sorted = [...winners.values()].sort(byCreation)
    this.positions = new Map(this.sorted.map((annotation, index) => [annotation.id, index]))
    this.invalidEntries = invalid
    this.irregular = new Set(invalid.map((entry) => entry.id))
    this.stale = false
  }
}
