import * as Y from 'yjs'
import type { Visibility } from './annotation'
import { annotationEntries } from './annotation-entry'
import type { AnnotationOperation } from './annotation-operation'
import { VISIBILITIES, type AnnotationStore } from './annotation-store'

type StackItem = Y.UndoManager['undoStack'][number]
type StackItemEvent = { stackItem: StackItem; origin: unknown }

/** One doc's share of a step: the item its UndoManager holds for it. */
interface StepPart {
  readonly visibility: Visibility
  readonly item: StackItem
}

/** One user operation, whatever documents it touched (a move touches two). */
interface Step {
  operation: AnnotationOperation
  readonly parts: StepPart[]
}

/** Consecutive edits of one annotation within this time are one step: typing, not actions. */
export const DEFAULT_CAPTURE_TIMEOUT_MS = 300

export interface AnnotationUndoOptions {
  readonly captureTimeout?: number
}

/**
 * Undo and redo of the user's own annotation operations across their three documents, in the
 * order they were made. Yjs keeps one `Y.UndoManager` per document, so each document has one,
 * tracking only the store's origin (never other replicas' changes); this history orders their
 * items and makes each store operation one step, so moving an annotation to another document
 * undoes in one go.
 */
export class AnnotationUndo {
  private readonly managers: Readonly<Record<Visibility, Y.UndoManager>>
  private undoSteps: Step[] = []
  private redoSteps: Step[] = []
  private current: AnnotationOperation | null = null
  /** The operation whose changes a following edit may merge into, while typing. */
  private mergeable: AnnotationOperation | null = null
  /** Where an undo or redo in progress records the items Yjs creates for the reverse step. */
  private collecting: StepPart[] | null = null
  /** Redo items dropped by new actions, per document: see `replayPart`. */
  private readonly dropped: Readonly<Record<Visibility, StackItem[]>> = {
    private: [],
    instructors: [],
    class: [],
  }
  private readonly listeners = new Set<() => void>()
  private readonly cleanups: (() => void)[] = []

  constructor(
    private readonly store: AnnotationStore,
    options: AnnotationUndoOptions = {},
  ) {
    const captureTimeout = options.captureTimeout ?? DEFAULT_CAPTURE_TIMEOUT_MS
    const manager = (visibility: Visibility) => {
      const undoManager = new Y.UndoManager(annotationEntries(store.docs[visibility]), {
        trackedOrigins: new Set([store.origin]),
        captureTimeout,
      })
      undoManager.on('stack-item-added', (event: StackItemEvent) => this.added(visibility, event))
      undoManager.on('stack-item-updated', (event: StackItemEvent) =>
        this.updated(visibility, event),
      )
      return undoManager
    }
    this.managers = {
      private: manager('private'),
      instructors: manager('instructors'),
      class: manager('class'),
    }
    this.cleanups.push(store.observeOperations((operation) => this.operationStarted(operation)))
  }

  canUndo(): boolean {
    return this.undoSteps.length > 0
  }

  canRedo(): boolean {
    return this.redoSteps.length > 0
  }

  /**
   * Undoes the user's last operation that still changes something (one overwritten since by
   * another replica is skipped, as Yjs does); returns it, or null when nothing was undone.
   */
  undo(): AnnotationOperation | null {
    return this.replay(this.undoSteps, this.redoSteps, 'undo')
  }

  redo(): AnnotationOperation | null {
    return this.replay(this.redoSteps, this.undoSteps, 'redo')
  }

  /** Called whenever what can be undone or redone changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup()
    for (const visibility of VISIBILITIES) this.managers[visibility].destroy()
    this.listeners.clear()
  }

  private operationStarted(operation: AnnotationOperation): void {
    const previous = this.mergeable
    const continuesTyping =
      previous !== null &&
      previous.kind === 'edit' &&
      operation.kind === 'edit' &&
      previous.annotationId === operation.annotationId
    if (!continuesTyping) {
      for (const visibility of VISIBILITIES) this.managers[visibility].stopCapturing()
    }
    this.current = operation
    this.mergeable = operation
  }

  private added(visibility: Visibility, event: StackItemEvent): void {
    const part = { visibility, item: event.stackItem }
    if (event.origin === this.managers[visibility]) {
      this.collecting?.push(part)
      return
    }
    const operation = this.current
    if (operation === null) return
    const top = this.undoSteps.at(-1)
    if (top?.operation.seq === operation.seq) top.parts.push(part)
    else this.undoSteps.push({ operation, parts: [part] })
    this.newActionMade()
  }

  /** Yjs merged the change into the document's last item: the step holding it grows. */
  private updated(visibility: Visibility, event: StackItemEvent): void {
    if (event.origin === this.managers[visibility] || this.current === null) return
    const step = this.undoSteps.findLast((candidate) =>
      candidate.parts.some((part) => part.item === event.stackItem),
    )
    if (step) step.operation = this.current
    else {
      this.undoSteps.push({
        operation: this.current,
        parts: [{ visibility, item: event.stackItem }],
      })
    }
    this.newActionMade()
  }

  /** A new action makes what was undone unreachable, in every document, as in any editor. */
  private newActionMade(): void {
    if (this.redoSteps.length > 0) {
      for (const step of this.redoSteps) {
        for (const part of step.parts) this.dropped[part.visibility].push(part.item)
      }
      this.redoSteps = []
      for (const visibility of VISIBILITIES) this.managers[visibility].clear(false, true)
    }
    this.notify()
  }

  private replay(from: Step[], to: Step[], direction: 'undo' | 'redo'): AnnotationOperation | null {
    // Whatever follows an undo or redo starts a new step instead of merging into one.
    this.mergeable = null
    let replayed: AnnotationOperation | null = null
    let changed = false
    while (replayed === null && from.length > 0) {
      const step = from.pop() as Step
      changed = true
      const reverse: StepPart[] = []
      this.collecting = reverse
      try {
        this.store.batch(() => {
          for (const part of [...step.parts].reverse()) this.replayPart(part, direction)
        })
      } finally {
        this.collecting = null
      }
      if (reverse.length > 0) {
        to.push({ operation: step.operation, parts: reverse })
        replayed = step.operation
      }
    }
    if (changed) this.notify()
    return replayed
  }

  /**
   * Replays exactly this part's item, with two adjustments to how a Y.UndoManager works:
   * - it pops further items when the top one changes nothing any more; confining its stack to
   *   this one item keeps every other step intact;
   * - it restores a map value over a newer one only when it finds the newer one's deletion in
   *   its undo or redo stack, taking any other deletion for another replica's change it must
   *   not override. An annotation moved away and back, with the move back undone and the redo
   *   dropped by a new action, would then never come back. So it is also shown the rest of the
   *   stack being replayed and the redo items dropped since: those deletions were the user's own.
   */
  private replayPart(part: StepPart, direction: 'undo' | 'redo'): void {
    const manager = this.managers[part.visibility]
    const [replayed, receiving] =
      direction === 'undo'
        ? (['undoStack', 'redoStack'] as const)
        : (['redoStack', 'undoStack'] as const)
    const stack = manager[replayed]
    if (!stack.includes(part.item)) return
    const rest = stack.filter((item) => item !== part.item)
    const kept = manager[receiving]
    const shown = [...kept, ...rest, ...this.dropped[part.visibility]]
    const shownLength = shown.length
    manager[replayed] = [part.item]
    manager[receiving] = shown
    try {
      if (direction === 'undo') manager.undo()
      else manager.redo()
    } finally {
      const added = manager[receiving].slice(shownLength)
      manager[replayed] = rest
      manager[receiving] = [...kept, ...added]
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener()
  }
}
