import * as Y from 'yjs'
import type { Annotation } from './annotation'
import {
  annotationEntries,
  readEntry,
  type AnnotationSource,
  type EntryReading,
  type InvalidAnnotation,
} from './annotation-entry'

/**
 * The annotations of one document, read and validated lazily and incrementally: a change
 * re-reads only the entries it touched, so a document with thousands of annotations costs
 * little per keystroke. Arrays are rebuilt only after a change, so callers may compare them by
 * reference (React's useSyncExternalStore needs that).
 */
export class AnnotationDocView {
  readonly entries: Y.Map<unknown>
  private readonly readings = new Map<string, EntryReading>()
  private readonly stale = new Set<string>()
  private readonly listeners = new Set<(changedIds: ReadonlySet<string>) => void>()
  private cachedValid: readonly Annotation[] | null = null
  private cachedInvalid: readonly InvalidAnnotation[] | null = null

  constructor(readonly source: AnnotationSource) {
    this.entries = annotationEntries(source.doc)
    for (const id of this.entries.keys()) this.stale.add(id)
    this.entries.observeDeep(this.onChange)
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changedIds = new Set<string>()
    for (const event of events) {
      if (event.target === this.entries && event instanceof Y.YMapEvent) {
        for (const id of event.keysChanged) changedIds.add(id)
      } else {
        const id = event.path[0]
        if (typeof id === 'string') changedIds.add(id)
      }
    }
    for (const id of changedIds) this.stale.add(id)
    this.cachedValid = null
    this.cachedInvalid = null
    for (const listener of [...this.listeners]) listener(changedIds)
  }

  private refresh(): void {
    for (const id of this.stale) this.reread(id)
    this.stale.clear()
  }

  private reread(id: string): void {
    const value = this.entries.get(id)
    if (value === undefined) this.readings.delete(id)
    else this.readings.set(id, readEntry(id, value, this.source))
  }

  /**
   * The reading of one entry, valid or not; undefined when the document has no such id. Reads
   * only that entry: the store looks up one annotation per write, and the first write after
   * opening thousands should not validate them all.
   */
  reading(id: string): EntryReading | undefined {
    if (this.stale.delete(id)) this.reread(id)
    return this.readings.get(id)
  }

  get(id: string): Annotation | undefined {
    const reading = this.reading(id)
    return reading?.ok ? reading.annotation : undefined
  }

  annotations(): readonly Annotation[] {
    if (this.cachedValid === null) {
      this.refresh()
      const valid: Annotation[] = []
      for (const reading of this.readings.values()) if (reading.ok) valid.push(reading.annotation)
      this.cachedValid = valid
    }
    return this.cachedValid
  }

  invalid(): readonly InvalidAnnotation[] {
    if (this.cachedInvalid === null) {
      this.refresh()
      const invalid: InvalidAnnotation[] = []
      for (const reading of this.readings.values()) if (!reading.ok) invalid.push(reading.invalid)
      this.cachedInvalid = invalid
    }
    return this.cachedInvalid
  }

  /** Called once per transaction that changed any annotation in this document, with their ids. */
  subscribe(listener: (changedIds: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.entries.unobserveDeep(this.onChange)
    this.listeners.clear()
  }
}
