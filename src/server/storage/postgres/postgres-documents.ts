import type { Pool, PoolClient } from 'pg'
import * as Y from 'yjs'
import type { DocumentStorage } from '../seminar-storage'
import { inPostgresTransaction } from './postgres-transaction'

/**
 * Yjs documents in PostgreSQL: a compacted state per document plus the log of updates since,
 * as in SQLite. Unlike SQLite, several servers append and compact the same document, each
 * holding its own copy in memory, and one server's copy may lack what another appended a moment
 * ago. So compaction never trusts the copy it is given alone: under a per-document lock it
 * merges the stored state, the log and that copy, stores the result and drops exactly the log
 * rows it merged. Nothing appended by anyone is lost, whichever server compacts, whenever.
 */
export class PostgresDocumentStorage implements DocumentStorage {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(name: string): Promise<Uint8Array | null> {
    // One statement, so one snapshot: a compaction committing meanwhile cannot make the state
    // and the log disagree.
    const { rows } = await this.pool.query<{ data: Buffer }>(
      `SELECT data FROM (
         SELECT 0 AS part, 0::bigint AS id, state AS data FROM documents WHERE name = $1
         UNION ALL
         SELECT 1, id, data FROM document_updates WHERE name = $1
       ) AS stored ORDER BY part, id`,
      [name],
    )
    if (rows.length === 0) return null
    const parts = rows.map((row) => new Uint8Array(row.data))
    return parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts)
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO document_updates (name, data) VALUES ($1, $2)', [
      name,
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
    ])
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    await inPostgresTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name])
      const stored = await client.query<{ state: Buffer }>(
        'SELECT state FROM documents WHERE name = $1',
        [name],
      )
      const log = await client.query<{ id: string; data: Buffer }>(
        'SELECT id, data FROM document_updates WHERE name = $1 ORDER BY id',
        [name],
      )
      const merged = new Y.Doc()
      try {
        const storedState = stored.rows[0]?.state
        if (storedState) Y.applyUpdate(merged, storedState)
        for (const row of log.rows) Y.applyUpdate(merged, row.data)
        Y.applyUpdate(merged, state)
        await storeState(client, name, Y.encodeStateAsUpdate(merged), this.now())
      } finally {
        merged.destroy()
      }
      // The ids merged, not "up to the last one": an append that took a smaller id but
      // committed after the read above is not in `merged`, and must stay.
      const mergedIds = log.rows.map((row) => row.id)
      if (mergedIds.length > 0) {
        await client.query('DELETE FROM document_updates WHERE id = ANY($1::bigint[])', [mergedIds])
      }
    })
  }
}

/** Writes a document's compacted state (a new seminar's seeded documents go through here too). */
export async function storeState(
  client: PoolClient,
  name: string,
  state: Uint8Array,
  at: Date,
): Promise<void> {
  await client.query(
    `INSERT INTO documents (name, state, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    [name, Buffer.from(state.buffer, state.byteOffset, state.byteLength), at.toISOString()],
  )
}
