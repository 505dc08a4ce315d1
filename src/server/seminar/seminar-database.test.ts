import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ExitCode, HamishError } from '../hamish-error'
import { DATABASE_FILE_NAME, inTransaction, openSeminarDatabase } from './seminar-database'

const dirs: string[] = []

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hamish-db-'))
  dirs.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('openSeminarDatabase', () => {
  it('makes hamish.sqlite in WAL mode with synchronous NORMAL and the schema', () => {
    const db = openSeminarDatabase(freshDir())
    expect(db.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal')
    // 1 is NORMAL.
    expect(db.prepare('PRAGMA synchronous').get()?.['synchronous']).toBe(1)
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((row) => row['name'])
    expect(tables.sort()).toEqual(['document_updates', 'documents', 'members', 'seminars'])
    db.close()
  })

  it('refuses a second server on the same data folder, and lets one in once the first closes', () => {
    const dir = freshDir()
    const first = openSeminarDatabase(dir)
    let refusal: unknown
    try {
      openSeminarDatabase(dir)
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(HamishError)
    expect(refusal).toMatchObject({
      message: `"${join(dir, DATABASE_FILE_NAME)}" is in use by another Hamish server: stop it, or pass --data with another folder.`,
      exitCode: ExitCode.unavailable,
    })
    first.close()
    openSeminarDatabase(dir).close()
  })

  it('refuses a file that is not a database, and one from a newer Hamish', () => {
    const notDb = freshDir()
    writeFileSync(join(notDb, DATABASE_FILE_NAME), 'x'.repeat(4096))
    expect(() => openSeminarDatabase(notDb)).toThrow(/is not a Hamish database/)

    const newer = freshDir()
    const db = openSeminarDatabase(newer)
    db.exec('PRAGMA user_version = 99')
    db.close()
    expect(() => openSeminarDatabase(newer)).toThrow(/written by a newer Hamish \(schema 99\)/)
  })
})

describe.skipIf(process.platform === 'win32')('the database file', () => {
  it('is readable by its owner only, made so when it was not', () => {
    const dir = freshDir()
    const path = join(dir, DATABASE_FILE_NAME)
    openSeminarDatabase(dir).close()
    expect(statSync(path).mode & 0o777).toBe(0o600)
    chmodSync(path, 0o644)
    const db = openSeminarDatabase(dir)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600)
    db.close()
  })
})

describe('inTransaction', () => {
  it('stores all of it or none, and joins an enclosing transaction', () => {
    const db = openSeminarDatabase(freshDir())
    db.exec('CREATE TABLE t (x INTEGER)')
    const count = () => Number(db.prepare('SELECT count(*) AS n FROM t').get()?.['n'])
    expect(() =>
      inTransaction(db, () => {
        db.exec('INSERT INTO t VALUES (1)')
        inTransaction(db, () => db.exec('INSERT INTO t VALUES (2)'))
        throw new Error('undo')
      }),
    ).toThrow('undo')
    expect(count()).toBe(0)
    inTransaction(db, () => {
      db.exec('INSERT INTO t VALUES (1)')
      inTransaction(db, () => db.exec('INSERT INTO t VALUES (2)'))
    })
    expect(count()).toBe(2)
    db.close()
  })

  it('passes on a full disk as itself, though SQLite rolled back already', () => {
    const db = openSeminarDatabase(freshDir())
    db.exec('CREATE TABLE t (x BLOB)')
    const pages = Number(db.prepare('PRAGMA page_count').get()?.['page_count'])
    db.exec(`PRAGMA max_page_count = ${pages}`)
    expect(() =>
      inTransaction(db, () => db.prepare('INSERT INTO t VALUES (?)').run(new Uint8Array(1 << 20))),
    ).toThrow(/database or disk is full/)
    expect(db.isTransaction).toBe(false)
    db.close()
  })
})
