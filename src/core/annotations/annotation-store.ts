import type * as Y from 'yjs'
import { Anchor, Annotation, HighlightColor, Visibility } from './annotation'
import { AnnotationDocView } from './annotation-doc-view'
import {
  entryFields,
  upgradeLegacyEntries,
  writeEntry,
  type InvalidAnnotation,
} from './annotation-entry'
import { AnnotationInputError, normalizeBody, normalizeTags } from './annotation-input'
import {
  AnnotationWriteOrigin,
  type AnnotationOperation,
  type AnnotationOperationKind,
} from './annotation-operation'
import { MergedAnnotations } from './merged-annotations'
import { randomId } from './random-id'

/**
 * Order in which the user's documents are searched. Should a race leave one annotation in two
 * documents (two devices moving it at once), the copy in the more restricted document counts
 * and the other is reported as a duplicate; moving or deleting it clears both.
 */
export const VISIBILITIES: readonly Visibility[] = ['private', 'instructors', 'class']

export interface AnnotationStoreOptions {
  readonly userId: string
  readonly userName: string
  /** The user's own documents, one per visibility (DESIGN.md's `…:user:<uid>:class|instructor|private`). */
  readonly docs: Readonly<Record<Visibility, Y.Doc>>
  readonly now?: () => Date
  readonly newId?: () => string
  readonly defaultColor?: HighlightColor
}

export interface CreateHighlightInput {
  readonly anchor: Anchor
  readonly color?: HighlightColor
  readonly visibility: Visibility
}

export interface CreateCommentInput {
  readonly anchor: Anchor
  readonly body: string
  readonly tags: readonly string[]
  readonly color?: HighlightColor
  readonly visibility: Visibility
}

export interface ReplyInput {
  /** The annotation replied to, anyone's; replying to a reply joins that reply's thread. */
  readonly to: Annotation
  readonly body: string
  readonly tags?: readonly string[]
  /** Defaults to the visibility of the annotation replied to. */
  readonly visibility?: Visibility
}

export interface AnnotationChanges {
  readonly body?: string
  readonly tags?: readonly string[]
  readonly color?: HighlightColor
}

/** What the store cannot see for itself about an annotation being edited. */
export interface EditContext {
  /**
   * Whether anyone has replied to it. Replies live in their authors' documents, of which the
   * store holds only the user's own; the caller, who reads the whole thread, says.
   */
  readonly hasReplies?: boolean
}

/** Thrown for an operation on an annotation that is not in the user's own documents. */
export class NotOwnAnnotationError extends Error {
  override readonly name = 'NotOwnAnnotationError'

  constructor(
    readonly annotationId: string,
    userId: string,
  ) {
    super(
      `Annotation ${annotationId} is not in ${userId}'s documents: only its author can change it.`,
    )
  }
}

/** Thrown for a change to an own entry that cannot be read; it can still be deleted. */
export class DamagedAnnotationError extends Error {
  override readonly name = 'DamagedAnnotationError'

  constructor(
    readonly annotationId: string,
    readonly problem: string,
  ) {
    super(`Annotation ${annotationId} is damaged and can only be deleted: ${problem}`)
  }
}

/** The origin of `upgradeStoredEntries`' rewrites, which undo does not track. */
export const STORAGE_UPGRADE_ORIGIN = Symbol('annotation storage upgrade')

interface Located {
  readonly visibility: Visibility
  /** The entry as stored, so a rewrite keeps fields this version does not know. */
  readonly entry: unknown
  readonly annotation: Annotation
}

/**
 * The current user's annotations across their three documents: every write goes through here,
 * is validated, and carries `origin` so that undo can tell the user's own changes apart.
 */
export class AnnotationStore {
  readonly userId: string
  readonly userName: string
  readonly docs: Readonly<Record<Visibility, Y.Doc>>
  readonly origin: AnnotationWriteOrigin
  private readonly views: Readonly<Record<Visibility, AnnotationDocView>>
  private readonly now: () => Date
  private readonly newId: () => string
  private color: HighlightColor
  private seq = 0
  private depth = 0
  private changedInBatch = false
  private readonly merged = new MergedAnnotations(
    'a second copy of an annotation kept in a more restricted document',
  )
  private readonly listeners = new Set<() => void>()
  private readonly operationListeners = new Set<(operation: AnnotationOperation) => void>()
  private readonly unsubscribeViews: (() => void)[]

  constructor(options: AnnotationStoreOptions) {
    if (options.userId === '') throw new Error('An annotation store needs a user id.')
    const docs = VISIBILITIES.map((visibility) => options.docs[visibility])
    if (new Set(docs).size !== docs.length) {
      throw new Error('Each visibility needs its own document: one document cannot serve two.')
    }
    this.userId = options.userId
    this.userName = options.userName
    this.docs = options.docs
    this.origin = new AnnotationWriteOrigin(options.userId)
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? randomId
    this.color = HighlightColor.parse(options.defaultColor ?? 'yellow')
    const view = (visibility: Visibility) =>
      new AnnotationDocView({ doc: options.docs[visibility], owner: this.userId, visibility })
    this.views = {
      private: view('private'),
      instructors: view('instructors'),
      class: view('class'),
    }
    this.merged.setViews(VISIBILITIES.map((visibility) => this.views[visibility]))
    this.unsubscribeViews = VISIBILITIES.map((visibility) =>
      this.views[visibility].subscribe((ids) => {
        this.merged.changed(ids)
        this.changed()
      }),
    )
  }

  get defaultColor(): HighlightColor {
    return this.color
  }

  /** The colour new annotations get when none is chosen. */
  setDefaultColor(color: HighlightColor): void {
    this.color = HighlightColor.parse(color)
  }

  createHighlight(input: CreateHighlightInput): Annotation {
    return this.insert('create', {
      kind: 'highlight',
      anchor: Anchor.parse(input.anchor),
      color: HighlightColor.parse(input.color ?? this.color),
      body: '',
      tags: [],
      visibility: Visibility.parse(input.visibility),
    })
  }

  createComment(input: CreateCommentInput): Annotation {
    return this.insert('create', {
      kind: 'comment',
      anchor: Anchor.parse(input.anchor),
      color: HighlightColor.parse(input.color ?? this.color),
      body: normalizeBody(input.body, { allowEmpty: false }),
      tags: normalizeTags(input.tags),
      visibility: Visibility.parse(input.visibility),
    })
  }

  reply(input: ReplyInput): Annotation {
    const to = Annotation.parse(input.to)
    return this.insert('reply', {
      kind: 'reply',
      // Threads are flat: a reply to a reply joins the thread of the reply it answers.
      replyTo: to.kind === 'reply' && to.replyTo !== undefined ? to.replyTo : to.id,
      // The thread's colour, not the default one: a reply has no passage of its own to colour.
      // (Answering a reply, the thread's root is not at hand; the reply took the root's colour.)
      color: to.color,
      body: normalizeBody(input.body, { allowEmpty: false }),
      tags: normalizeTags(input.tags ?? []),
      visibility: Visibility.parse(input.visibility ?? to.visibility),
    })
  }

  /**
   * Changes the body, tags or colour. A body given to a highlight makes it a comment, and a
   * comment whose body is emptied becomes a highlight again; a reply must keep some text. So
   * must a comment that has replies: as a highlight it would have no card to show them on.
   */
  edit(id: string, changes: AnnotationChanges, context: EditContext = {}): Annotation {
    const { visibility, entry, annotation } = this.locate(id)
    const fields: Partial<Record<keyof Annotation, unknown>> = {}
    if (changes.body !== undefined) {
      const isReply = annotation.kind === 'reply'
      fields.body = normalizeBody(changes.body, { allowEmpty: !isReply })
      if (fields.body === '' && annotation.kind === 'comment' && context.hasReplies === true) {
        throw new AnnotationInputError('emptied-comment-has-replies')
      }
      if (!isReply) fields.kind = fields.body === '' ? 'highlight' : 'comment'
    }
    if (changes.tags !== undefined) fields.tags = normalizeTags(changes.tags)
    if (changes.color !== undefined) fields.color = HighlightColor.parse(changes.color)
    return this.update('edit', visibility, entry, annotation, fields)
  }

  /** Moves the annotation (only it, not replies to it) to the document for `visibility`. */
  setVisibility(id: string, visibility: Visibility): Annotation {
    const target = Visibility.parse(visibility)
    const { visibility: current, entry, annotation } = this.locate(id)
    const holders = this.holders(id)
    if (current === target && holders.length === 1) return annotation
    const fields = { ...entryFields(entry), visibility: target, updatedAt: this.timestamp() }
    this.operate('visibility', id, () => {
      // Written before the old copy is deleted: if anything fails in between, the annotation
      // exists twice (and is reported as a duplicate) rather than not at all.
      this.transact(target, (entries) => writeEntry(entries, id, fields))
      for (const holder of holders) {
        if (holder !== target) this.transact(holder, (entries) => entries.delete(id))
      }
    })
    return this.readBack(target, id)
  }

  resolve(id: string): Annotation {
    return this.setResolved(id, true)
  }

  reopen(id: string): Annotation {
    return this.setResolved(id, false)
  }

  /**
   * Deletes the user's own annotation, damaged or not. Replies to it stay where they are (in
   * their authors' documents) and show as orphaned replies.
   */
  delete(id: string): void {
    const holders = this.holders(id)
    if (holders.length === 0) throw new NotOwnAnnotationError(id, this.userId)
    this.operate('delete', id, () => {
      for (const holder of holders) this.transact(holder, (entries) => entries.delete(id))
    })
  }

  get(id: string): Annotation | undefined {
    return this.merged.get(id)
  }

  /** The user's valid annotations in all three documents, oldest first; same array until a change. */
  list(): readonly Annotation[] {
    return this.merged.all()
  }

  /** Entries left out of `list()`: unreadable ones, and second copies of one annotation. */
  invalid(): readonly InvalidAnnotation[] {
    return this.merged.invalid()
  }

  /** Called once per change to the annotations: per transaction, or per store operation. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Called at the start of every write operation, before it touches a document: the undo
   * history uses it to make each operation one step, whatever documents it touches.
   */
  observeOperations(listener: (operation: AnnotationOperation) => void): () => void {
    this.operationListeners.add(listener)
    return () => this.operationListeners.delete(listener)
  }

  /** Runs `fn`, notifying subscribers once afterwards however many documents it changed. */
  batch<T>(fn: () => T): T {
    this.depth += 1
    try {
      return fn()
    } finally {
      this.depth -= 1
      if (this.depth === 0 && this.changedInBatch) {
        this.changedInBatch = false
        this.notify()
      }
    }
  }

  /**
   * Rewrites the user's entries still stored in the old shape (a map of fields, see
   * annotation-entry.ts) as text, outside undo: nothing the user did, nothing to take back.
   * Returns how many were rewritten.
   */
  upgradeStoredEntries(): number {
    let upgraded = 0
    this.batch(() => {
      for (const visibility of VISIBILITIES) {
        const entries = this.views[visibility].entries
        this.docs[visibility].transact(() => {
          upgraded += upgradeLegacyEntries(entries)
        }, STORAGE_UPGRADE_ORIGIN)
      }
    })
    return upgraded
  }

  destroy(): void {
    for (const unsubscribe of this.unsubscribeViews) unsubscribe()
    for (const visibility of VISIBILITIES) this.views[visibility].destroy()
    this.listeners.clear()
    this.operationListeners.clear()
  }

  private insert(
    kind: AnnotationOperationKind,
    fields: Omit<Annotation, 'id' | 'author' | 'authorName' | 'createdAt' | 'updatedAt'>,
  ): Annotation {
    const id = this.newId()
    if (this.holders(id).length > 0) throw new Error(`The id generator repeated an id: ${id}`)
    const createdAt = this.timestamp()
    const annotation = Annotation.parse({
      ...fields,
      id,
      author: this.userId,
      authorName: this.userName,
      createdAt,
      updatedAt: createdAt,
    })
    this.operate(kind, id, () =>
      this.transact(annotation.visibility, (entries) => writeEntry(entries, id, annotation)),
    )
    return this.readBack(annotation.visibility, id)
  }

  private setResolved(id: string, resolved: boolean): Annotation {
    const { visibility, entry, annotation } = this.locate(id)
    if (annotation.kind === 'reply') {
      throw new Error(`Annotation ${id} is a reply: resolve the thread it belongs to instead.`)
    }
    return this.update(resolved ? 'resolve' : 'reopen', visibility, entry, annotation, {
      resolved,
    })
  }

  private update(
    kind: AnnotationOperationKind,
    visibility: Visibility,
    entry: unknown,
    annotation: Annotation,
    fields: Partial<Record<keyof Annotation, unknown>>,
  ): Annotation {
    // An annotation never resolved reads as open, so reopening it changes nothing.
    const current: Annotation = { ...annotation, resolved: annotation.resolved ?? false }
    const changed = Object.entries(fields).filter(
      ([key, value]) => JSON.stringify(current[key as keyof Annotation]) !== JSON.stringify(value),
    )
    if (changed.length === 0) return annotation
    const update = { ...Object.fromEntries(changed), updatedAt: this.timestamp() }
    Annotation.parse({ ...annotation, ...update })
    this.operate(kind, annotation.id, () =>
      this.transact(visibility, (entries) =>
        writeEntry(entries, annotation.id, { ...entryFields(entry), ...update }),
      ),
    )
    return this.readBack(visibility, annotation.id)
  }

  private locate(id: string): Located {
    const holders = this.holders(id)
    if (holders.length === 0) throw new NotOwnAnnotationError(id, this.userId)
    let problem = ''
    for (const visibility of holders) {
      const reading = this.views[visibility].reading(id)
      if (reading?.ok) {
        const entry = this.views[visibility].entries.get(id)
        return { visibility, entry, annotation: reading.annotation }
      }
      if (reading && !reading.ok) problem ||= reading.invalid.problem
    }
    throw new DamagedAnnotationError(id, problem)
  }

  /** The user's documents that hold an entry with this id, readable or not. */
  private holders(id: string): Visibility[] {
    return VISIBILITIES.filter((visibility) => this.views[visibility].entries.has(id))
  }

  private readBack(visibility: Visibility, id: string): Annotation {
    const reading = this.views[visibility].reading(id)
    if (!reading?.ok) {
      throw new Error(`Annotation ${id} could not be read back after writing it.`)
    }
    return reading.annotation
  }

  private operate(kind: AnnotationOperationKind, annotationId: string, write: () => void): void {
    this.batch(() => {
      this.seq += 1
      const operation: AnnotationOperation = { seq: this.seq, kind, annotationId }
      for (const listener of [...this.operationListeners]) listener(operation)
      write()
    })
  }

  private transact(visibility: Visibility, write: (entries: Y.Map<unknown>) => void): void {
    const entries = this.views[visibility].entries
    this.docs[visibility].transact(() => write(entries), this.origin)
  }

  private timestamp(): string {
    return this.now().toISOString()
  }

  private changed(): void {
    if (this.depth > 0) this.changedInBatch = true
    else this.notify()
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener()
  }
}
