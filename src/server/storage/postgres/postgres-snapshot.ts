import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Pool } from 'pg'
import { isSeminarId } from '../../../core/seminar/doc-names'
import { ExitCode, HamishError } from '../../hamish-error'
import { DocumentStore } from '../../seminar/document-store'
import { inTransaction, openSeminarDatabase } from '../../seminar/seminar-database'
import { redactedAddress } from './postgres-address'
import { PostgresDocumentStorage } from './postgres-documents'

/**
 * Runs `work` on a copy of one seminar from a PostgreSQL database, made as a data folder with
 * a SQLite store in a private temporary folder (removed afterwards). The commands that read a
 * stopped server's store (`hamish export`) then read PostgreSQL unchanged, and while servers
 * run: a document's stored state and update log hold everything they acknowledged.
 */
export async function withSeminarSnapshot<T>(
  url: URL,
  seminarId: string,
  work: (dataDir: string) => T,
): Promise<T> {
  const location = redactedAddress(url)
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url.href, max: 2, connectionTimeoutMillis: 10_000 })
  pool.on('error', () => {})
  const dataDir = mkdtempSync(join(tmpdir(), 'hamish-snapshot-'))
  try {
    await pool.query('SELECT max(version) FROM hamish_schema').catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      if (/hamish_schema" does not exist/.test(message)) {
        throw new HamishError(`${location} holds no Hamish seminars.`, ExitCode.noInput)
      }
      throw new HamishError(
        `cannot read the PostgreSQL database ${location} (${message}): check --database.`,
        ExitCode.unavailable,
        { cause: error },
      )
    })
    await copySeminar(pool, seminarId, dataDir, location)
    return work(dataDir)
  } finally {
    await pool.end().catch(() => {})
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function copySeminar(
  pool: Pool,
  seminarId: string,
  dataDir: string,
  location: string,
): Promise<void> {
  const seminar = isSeminarId(seminarId)
    ? (
        await pool.query(
          `SELECT id, title, article_json, content_hash, join_code_hash, settings_json, created_at,
                  closed_at
           FROM seminars WHERE id = $1`,
          [seminarId],
        )
      ).rows[0]
    : undefined
  if (!seminar) {
    throw new HamishError(`there is no seminar "${seminarId}" in ${location}.`, ExitCode.noInput)
  }
  const members = await pool.query(
    `SELECT seminar_id, user_id, name, role, token_id, joined_at, revoked_at
     FROM members WHERE seminar_id = $1 ORDER BY joined_at, seq`,
    [seminarId],
  )
  const names = await pool.query<{ name: string }>(
    `SELECT name FROM documents WHERE starts_with(name, $1)
     UNION SELECT name FROM document_updates WHERE starts_with(name, $1)`,
    [`seminar:${seminarId}:`],
  )
  const documents = new PostgresDocumentStorage(pool)
  const states = await Promise.all(
    names.rows.map(async ({ name }) => ({ name, state: await documents.load(name) })),
  )

  const db = openSeminarDatabase(dataDir)
  try {
    const store = new DocumentStore(db)
    inTransaction(db, () => {
      db.prepare(
        `INSERT INTO seminars (id, title, article_json, content_hash, join_code_hash,
                               settings_json, created_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        seminar.id,
        seminar.title,
        seminar.article_json,
        seminar.content_hash,
        seminar.join_code_hash,
        seminar.settings_json,
        seminar.created_at,
        seminar.closed_at,
      )
      const insertMember = db.prepare(
        `INSERT INTO members (seminar_id, user_id, name, role, token_id, joined_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      for (const member of members.rows) {
        insertMember.run(
          member.seminar_id,
          member.user_id,
          member.name,
          member.role,
          member.token_id,
          member.joined_at,
          member.revoked_at,
        )
      }
      for (const { name, state } of states) if (state) store.compact(name, state)
    })
  } finally {
    db.close()
  }
}
