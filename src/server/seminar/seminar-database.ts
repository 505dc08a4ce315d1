import { chmodSync, closeSync, existsSync, openSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { ExitCode, HamishError } from '../hamish-error'

export const DATABASE_FILE_NAME = 'hamish.sqlite'

/**
 * Schema version 1. `user_version` says which version a file has, so a later Hamish can migrate
 * an older file rather than guess.
 */
const SCHEMA_VERSION = 1
const SCHEMA = `
  CREATE TABLE seminars (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    article_json TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    join_code_hash TEXT NOT NULL,
    settings_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    closed_at TEXT
  ) STRICT;

  CREATE TABLE members (
    seminar_id TEXT NOT NULL REFERENCES seminars (id),
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('instructor', 'student')),
    token_id TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    revoked_at TEXT,
    PRIMARY KEY (seminar_id, user_id)
  ) STRICT;

  -- The merged Yjs state of each document, as of its last compaction.
  CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  -- Every update applied since, appended before it is acknowledged.
  CREATE TABLE document_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX document_updates_by_name ON document_updates (name, id);
`

/**
 * Opens (creating on first use) `hamish.sqlite` in the data folder.
 *
 * WAL, so an append is one sequential write. `synchronous = NORMAL`: in WAL mode a commit is
 * in the operating system's hands (it survives the process being killed or restarted) but not
 * fsynced until a checkpoint, so a power cut or an OS crash may roll back the last few commits,
 * never corrupt the file. Those commits are not lost to the seminar: every client keeps its
 * own changes in IndexedDB, and the Yjs handshake on reconnect sends the server whatever it
 * lacks. FULL would fsync every keystroke on the server's one thread: about ten times slower
 * here, and far slower on a laptop disk.
 *
 * `locking_mode = EXCLUSIVE` holds the file's lock until `close`: a second server on the same
 * data folder would keep its own copy of every document in memory, and each would overwrite the
 * other's compactions, so it is refused at start instead.
 */
export function openSeminarDatabase(dataDir: string): DatabaseSync {
  const path = join(dataDir, DATABASE_FILE_NAME)
  keepPrivate(path)
  const db = new DatabaseSync(path)
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE')
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = NORMAL')
    db.exec('PRAGMA foreign_keys = ON')
    // Takes the write lock now, and keeps it (see above).
    db.exec('BEGIN EXCLUSIVE; COMMIT')
    migrate(db, path)
    checkIntact(db)
  } catch (error) {
    db.close()
    if (isDamage(error)) throw moveAside(path, error)
    throw databaseError(path, error)
  }
  return db
}

/** SQLite's codes for a file that is not a database (SQLITE_NOTADB) or is damaged (SQLITE_CORRUPT). */
const DAMAGE_CODES = new Set([11, 26])

class DamagedDatabase extends Error {}

/**
 * Damage that the open itself does not notice (a page overwritten, a torn copy) would surface
 * later, in the middle of a seminar. `quick_check` reads every page once: milliseconds for a
 * seminar's file, about a second for a few hundred megabytes.
 */
function checkIntact(db: DatabaseSync): void {
  const problems = db
    .prepare('PRAGMA quick_check(5)')
    .all()
    .map((row) => String(row['quick_check']))
  if (problems.join() !== 'ok') throw new DamagedDatabase(problems.join('; '))
}

function isDamage(error: unknown): boolean {
  if (error instanceof DamagedDatabase) return true
  const code = (error as { errcode?: unknown } | null)?.errcode
  return typeof code === 'number' && DAMAGE_CODES.has(code & 0xff)
}

/**
 * A damaged file is neither opened nor replaced: it is renamed, with its WAL, so that nothing in
 * it is lost and a new start begins a new file only because the host was told and started again.
 */
function moveAside(path: string, error: unknown): HamishError {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const moved = `${path}.corrupt-${stamp}`
  const reason = error instanceof Error ? error.message : String(error)
  try {
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, moved + suffix)
    }
    renameSync(path, moved)
  } catch (renameError) {
    return new HamishError(
      `"${path}" is damaged or is not a Hamish database (${reason}), and it could not be moved aside (${errorMessage(renameError)}): move it away yourself, or pass --data with another folder.`,
      ExitCode.dataError,
      { cause: error },
    )
  }
  return new HamishError(
    `"${path}" is damaged or is not a Hamish database (${reason}): it was moved to "${moved}", nothing in it deleted. Start again to begin with an empty store, or put a backup in its place.`,
    ExitCode.dataError,
    { cause: error },
  )
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Members' private annotations live in this file: it is readable by its owner only, like the
 * secrets beside it. SQLite gives its -wal file the same permissions. Windows has no such modes.
 */
function keepPrivate(path: string): void {
  try {
    closeSync(openSync(path, 'a', 0o600))
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  } catch (error) {
    throw databaseError(path, error)
  }
}

/** Runs `work` in one transaction: all of it is stored, or none. Inside a transaction, joins it. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work()
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    // SQLite has already rolled back after some errors (SQLITE_FULL among them); a ROLLBACK
    // then fails with "no transaction is active" and would hide the error that matters.
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
}

function migrate(db: DatabaseSync, path: string): void {
  const row = db.prepare('PRAGMA user_version').get()
  const version = Number(row?.['user_version'] ?? 0)
  if (version === SCHEMA_VERSION) return
  if (version > SCHEMA_VERSION) {
    throw new HamishError(
      `"${path}" was written by a newer Hamish (schema ${version}); update Hamish to use it.`,
      ExitCode.dataError,
    )
  }
  inTransaction(db, () => {
    db.exec(SCHEMA)
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`)
  })
}

function databaseError(path: string, error: unknown): unknown {
  if (error instanceof HamishError) return error
  const message = error instanceof Error ? error.message : String(error)
  if (/database is locked/.test(message)) {
    return new HamishError(
      `"${path}" is in use by another Hamish server: stop it, or pass --data with another folder.`,
      ExitCode.unavailable,
      { cause: error },
    )
  }
  return new HamishError(`cannot open "${path}": ${message}.`, ExitCode.cannotCreate, {
    cause: error,
  })
}
