import type { PoolClient } from 'pg'
import { ExitCode, HamishError } from '../../hamish-error'

/**
 * The schema, as numbered steps applied in order and never edited once released: a database
 * records the last step it took (`hamish_schema`), and a later Hamish adds steps after it.
 * The same tables as the SQLite file (see `seminar-database.ts`), plus the shared secrets.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE seminars (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    article_json TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    join_code_hash TEXT NOT NULL,
    settings_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    closed_at TEXT
  );

  CREATE TABLE members (
    seminar_id TEXT NOT NULL REFERENCES seminars (id),
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('instructor', 'student')),
    token_id TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    revoked_at TEXT,
    -- Insertion order, to list members who joined in the same millisecond as they joined.
    seq BIGSERIAL NOT NULL,
    PRIMARY KEY (seminar_id, user_id)
  );

  -- The merged Yjs state of each document, as of its last compaction.
  CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    state BYTEA NOT NULL,
    updated_at TEXT NOT NULL
  );

  -- Every update a server took from a client since, appended before it was acknowledged.
  CREATE TABLE document_updates (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX document_updates_by_name ON document_updates (name, id);

  -- The token secret and the admin token, shared by every server on this database.
  CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
]

/** Any constant will do: it keeps two servers starting at once from migrating together. */
const MIGRATION_LOCK = 0x68616d69

/** Brings the database's schema up to date, in one transaction, under a lock. */
export async function migrate(client: PoolClient, where: string): Promise<void> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(
      `CREATE TABLE IF NOT EXISTS hamish_schema (
         version INTEGER PRIMARY KEY,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    )
    const result = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM hamish_schema',
    )
    const current = result.rows[0]?.version ?? 0
    if (current > MIGRATIONS.length) {
      throw new HamishError(
        `the database ${where} was written by a newer Hamish (schema ${current}); update Hamish to use it.`,
        ExitCode.dataError,
      )
    }
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1] as string)
      await client.query('INSERT INTO hamish_schema (version) VALUES ($1)', [version])
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
}
