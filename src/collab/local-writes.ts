/**
 * Why IndexedDB would not store a document: the disk, or the space the browser allows the site,
 * is full; or the browser refused the write for another reason (a damaged profile, storage
 * cleared or switched off while the page was open).
 */
export type WriteFailureKind = 'full' | 'refused'

/** Documents this window holds changes of that IndexedDB has not stored, and why. */
export interface LocalWriteProblem {
  readonly kind: WriteFailureKind
  /** The browser's own words for the latest failure. */
  readonly detail: string
  readonly docNames: readonly string[]
}

/** A document whose whole state can be written again (`PersistedDoc` registers its own). */
export interface UnsavedDoc {
  readonly name: string
  /** Writes the whole state again; the outcome is reported back through `failed`/`saved`. */
  rewrite(): Promise<void>
}

export interface LocalWritesOptions {
  /** How often documents left unsaved are written again on their own, until they are stored. */
  retryEveryMs?: number
}

const RETRY_EVERY_MS = 10_000

/**
 * Keeps account of the documents whose changes IndexedDB failed to store. The changes are
 * still in their Y.Docs, in this window only: the app says so for as long as it lasts (a reload
 * or a closed window would lose them), and they are written again — now and then on their own,
 * on the next change, or when the reader asks — until a write succeeds.
 */
export class LocalWrites {
  private readonly unsaved = new Map<UnsavedDoc, { kind: WriteFailureKind; detail: string }>()
  private readonly listeners = new Set<() => void>()
  private readonly retryEveryMs: number
  private timer: ReturnType<typeof setInterval> | null = null
  private snapshot: LocalWriteProblem | null = null

  constructor(options: LocalWritesOptions = {}) {
    this.retryEveryMs = options.retryEveryMs ?? RETRY_EVERY_MS
  }

  /** What is unsaved, or null when everything is stored; the same object until that changes. */
  problem(): LocalWriteProblem | null {
    return this.snapshot
  }

  /** Called whenever `problem()` changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Writes every unsaved document again; true when all of them are stored now. */
  async retry(): Promise<boolean> {
    await Promise.all([...this.unsaved.keys()].map((doc) => doc.rewrite()))
    return this.unsaved.size === 0
  }

  /** A write of `doc` failed, leaving changes that only its Y.Doc holds. */
  failed(doc: UnsavedDoc, cause: unknown): void {
    // Last in the map: the latest failure is the one described.
    this.unsaved.delete(doc)
    this.unsaved.set(doc, describeWriteFailure(cause))
    if (this.timer === null) {
      this.timer = setInterval(() => void this.retry(), this.retryEveryMs)
    }
    this.changed()
  }

  /** Everything `doc` holds is stored (again). */
  saved(doc: UnsavedDoc): void {
    if (!this.unsaved.delete(doc)) return
    if (this.unsaved.size === 0 && this.timer !== null) {
      clearInterval(this.timer)
      this.timer = null
    }
    this.changed()
  }

  private changed(): void {
    const failures = [...this.unsaved.values()]
    const latest = failures[failures.length - 1]
    this.snapshot = latest
      ? { ...latest, docNames: [...this.unsaved.keys()].map((doc) => doc.name) }
      : null
    for (const listener of this.listeners) listener()
  }
}

/** The writes of every document this window opens. */
export const localWrites = new LocalWrites()

/** Sorts a failed write's error into what the reader can act on, keeping the browser's words. */
export function describeWriteFailure(cause: unknown): {
  kind: WriteFailureKind
  detail: string
} {
  const name = cause instanceof Error || cause instanceof DOMException ? cause.name : ''
  const message = cause instanceof Error || cause instanceof DOMException ? cause.message : ''
  const detail = message || name || String(cause)
  // lib0 wraps a request's DOMException in a plain Error whose message starts with its name.
  const full = name === 'QuotaExceededError' || /QuotaExceeded|quota/i.test(message)
  return { kind: full ? 'full' : 'refused', detail }
}
