import type { DatabaseSync } from 'node:sqlite'
import * as Y from 'yjs'
import { inTransaction } from './seminar-database'

/**
 * Yjs documents in SQLite: per document, a compacted state plus the log of updates applied
 * since. Appending is cheap and happens for every update before the client is told it was
 * applied; compaction merges the log into the state now and then, so the log stays short.
 */
export class DocumentStore {
  private readonly selectState
  private readonly selectUpdates
  private readonly insertUpdate
  private readonly countUpdates
  private readonly upsertState
  private readonly deleteUpdates

  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.selectState = db.prepare('SELECT state FROM documents WHERE name = ?')
    this.selectUpdates = db.prepare('SELECT data FROM document_updates WHERE name = ? ORDER BY id')
    this.insertUpdate = db.prepare('INSERT INTO document_updates (name, data) VALUES (?, ?)')
    this.countUpdates = db.prepare('SELECT count(*) AS n FROM document_updates WHERE name = ?')
    this.upsertState = db.prepare(
      `INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    )
    this.deleteUpdates = db.prepare('DELETE FROM document_updates WHERE name = ?')
  }

  /** Everything stored for the document, as one update; null when nothing ever was. */
  load(name: string): Uint8Array | null {
    const parts: Uint8Array[] = []
    const state = this.selectState.get(name)?.['state']
    if (state instanceof Uint8Array) parts.push(state)
    for (const row of this.selectUpdates.all(name)) {
      const data = row['data']
      if (data instanceof Uint8Array) parts.push(data)
    }
    if (parts.length === 0) return null
    return parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts)
  }

  /** The database file, for messages. */
  get location(): string {
    return this.db.location() ?? 'the in-memory database'
  }

  /** How many updates wait to be compacted. */
  pendingUpdates(name: string): number {
    return Number(this.countUpdates.get(name)?.['n'] ?? 0)
  }

  append(name: string, update: Uint8Array): void {
    this.insertUpdate.run(name, update)
  }

  /**
   * Stores `state` as the document's state and drops its update log. `state` must hold every
   * update appended so far: the caller encodes it from the live document, to which each update
   * was applied before it was appended (one process owns the file: see `openSeminarDatabase`).
   */
  compact(name: string, state: Uint8Array): void {
    // Closed at shutdown after every update was appended: a late compaction has nothing to add.
    if (!this.db.isOpen) return
    inTransaction(this.db, () => {
      this.upsertState.run(name, state, this.now().toISOString())
      this.deleteUpdates.run(name)
    })
  }
}
