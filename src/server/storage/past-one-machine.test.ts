import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRoster } from '../../core/seminar/roster'
import type { CreateSeminarResponse } from '../../core/seminar/seminar-api'
import { SeminarHarness, eventually } from '../seminar/test-support/seminar-harness'
import type { SyncClient } from '../seminar/test-support/sync-client'
import { seminarExport } from '../export-command'
import { loadStoredDoc, readSeminarContents } from '../seminar-export/seminar-contents'
import { openExistingSeminarStore } from '../seminar-export/seminar-store-access'
import { PostgresDocumentStorage } from './postgres/postgres-documents'
import { PostgresSeminarStorage } from './postgres/postgres-seminar-storage'
import { withSeminarSnapshot } from './postgres/postgres-snapshot'
import {
  findServiceBinaries,
  startLocalServices,
  type LocalServices,
} from './test-support/local-services'

/*
 * Several `hamish serve` behind a load balancer: two servers in this process on one real
 * PostgreSQL and one real Redis, each started here on 127.0.0.1. Clients on different servers
 * edit one document; both servers stop and start again and nothing acknowledged is lost.
 */

const binaries = findServiceBinaries()
const inCi = process.env['CI'] === 'true'
if (typeof binaries === 'string') {
  if (inCi) throw new Error(`CI must run the PostgreSQL and Redis test: ${binaries}.`)
  console.warn(`skipping the PostgreSQL and Redis test: ${binaries}.`)
}

const STARTUP_MS = 60_000

describe.skipIf(typeof binaries === 'string')('servers sharing PostgreSQL and Redis', () => {
  let services: LocalServices
  let a: SeminarHarness
  let b: SeminarHarness
  let seminar: CreateSeminarResponse
  const notebook = () => `seminar:${seminar.seminarId}:notebook`
  const roster = () => `seminar:${seminar.seminarId}:roster`
  const text = (client: SyncClient) => client.doc.getText('notes').toString()

  beforeAll(async () => {
    if (typeof binaries === 'string') return
    services = await startLocalServices(binaries)
    const shared = { database: services.databaseUrl, redis: services.redisUrl }
    // Started together, as a deployment would: they agree on one schema and one set of secrets.
    ;[a, b] = await Promise.all([SeminarHarness.start(shared), SeminarHarness.start(shared)])
  }, STARTUP_MS)

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()])
    await services?.stop()
  }, STARTUP_MS)

  async function connected(h: SeminarHarness, name: string, token: string): Promise<SyncClient> {
    const client = h.connect(name, token)
    const outcome = await client.outcome
    if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`)
    await client.synced()
    return client
  }

  it('share the admin token and the members: a seminar made on one is joined on the other', async () => {
    expect(a.seminars.adminToken).toBe(b.seminars.adminToken)
    expect(a.seminars.storeLocation).toBe(services.databaseUrl.href)
    seminar = await a.createSeminar()
    const amal = await b.join(seminar, 'Amal')
    // A token issued by one server is good on the other.
    const members = await a.api(`/api/seminars/${seminar.seminarId}/members`, {
      token: seminar.instructorToken,
    })
    expect(members.body.members.map((m: { name: string }) => m.name)).toEqual([
      'Instructor',
      'Amal',
    ])
    const onA = await connected(a, notebook(), amal.token)
    expect(onA.doc.share.size).toBeGreaterThanOrEqual(0)
    onA.destroy()
  })

  it('converge: clients on different servers edit one document', async () => {
    const student = await a.join(seminar, 'Basma')
    const onA = await connected(a, notebook(), seminar.instructorToken)
    const onB = await connected(b, notebook(), student.token)
    onA.doc.getText('notes').insert(0, 'from A. ')
    onB.doc.getText('notes').insert(0, 'from B. ')
    await Promise.all([onA.acknowledged(), onB.acknowledged()])
    await eventually(() => text(onA) === text(onB) && text(onA).length === 16, 5000, 'convergence')
    expect(text(onA)).toContain('from A. ')
    expect(text(onA)).toContain('from B. ')
    onA.destroy()
    onB.destroy()
  })

  it('acknowledge a change only once PostgreSQL has stored it', async () => {
    const onB = await connected(b, notebook(), seminar.instructorToken)
    const pool = new pg.Pool({ connectionString: services.databaseUrl.href })
    const blocker = await pool.connect()
    try {
      // Holds every append back (reads go on), as a slow or busy database would.
      await blocker.query('BEGIN')
      await blocker.query('LOCK TABLE document_updates IN EXCLUSIVE MODE')
      onB.doc.getText('notes').insert(0, 'acknowledged. ')
      const acknowledged = onB.acknowledged().then(() => 'acknowledged')
      expect(await Promise.race([acknowledged, sleep(500).then(() => 'waiting')])).toBe('waiting')
      await blocker.query('COMMIT')
      expect(await acknowledged).toBe('acknowledged')
      // Read at once, before any compaction could run: the update log has it.
      const stored = await new PostgresDocumentStorage(pool).load(notebook())
      const doc = new Y.Doc()
      Y.applyUpdate(doc, stored as Uint8Array)
      expect(doc.getText('notes').toString()).toContain('acknowledged. ')
    } finally {
      await blocker.query('ROLLBACK').catch(() => {})
      blocker.release()
      await pool.end()
      onB.destroy()
    }
  })

  it('refuse a change it cannot store, and store it when the client sends it again', async () => {
    const onA = await connected(a, notebook(), seminar.instructorToken)
    const admin = new pg.Pool({ connectionString: services.databaseUrl.href })
    try {
      // The update log is gone for a moment, as if the database were unreachable.
      await admin.query('ALTER TABLE document_updates RENAME TO document_updates_away')
      const closed = onA.nextClose()
      onA.doc.getText('notes').insert(0, 'resent. ')
      expect(await closed).toEqual({
        code: 4507,
        reason:
          'The server cannot save changes now (disk full or read-only): yours stay on this device.',
      })
      await admin.query('ALTER TABLE document_updates_away RENAME TO document_updates')
      // The provider reconnects by itself and sends what was not acknowledged.
      await onA.acknowledged()
      const stored = await new PostgresDocumentStorage(admin).load(notebook())
      const doc = new Y.Doc()
      Y.applyUpdate(doc, stored as Uint8Array)
      expect(doc.getText('notes').toString()).toContain('resent. ')
    } finally {
      await admin
        .query('ALTER TABLE IF EXISTS document_updates_away RENAME TO document_updates')
        .catch(() => {})
      await admin.end()
      onA.destroy()
    }
  })

  it('keep the roster live on every server: a member joining on one appears on the other', async () => {
    const watcher = await connected(a, roster(), seminar.instructorToken)
    const farah = await b.join(seminar, 'Farah')
    await eventually(
      () => readRoster(watcher.doc).has(farah.userId),
      5000,
      'the roster on A to show a member who joined on B',
    )
    watcher.destroy()
  })

  it('close a removed member’s connections on every server', async () => {
    const leaving = await a.join(seminar, 'Leaving')
    const onB = await connected(b, notebook(), leaving.token)
    const closed = onB.nextClose()
    const answer = await a.api(`/api/seminars/${seminar.seminarId}/members/${leaving.userId}`, {
      method: 'DELETE',
      token: seminar.instructorToken,
    })
    expect(answer.status).toBe(200)
    expect(await closed).toEqual({ code: 4403, reason: 'You were removed from this seminar.' })
    onB.destroy()
  })

  it(
    'find everything again after both servers restart',
    async () => {
      await Promise.all([a.pause(), b.pause()])
      await Promise.all([a.resume(), b.resume()])
      const onA = await connected(a, notebook(), seminar.instructorToken)
      const onB = await connected(b, notebook(), seminar.instructorToken)
      const members = await connected(b, roster(), seminar.instructorToken)
      expect([...readRoster(members.doc).values()].map((entry) => entry.name)).toContain('Farah')
      members.destroy()
      for (const client of [onA, onB]) {
        expect(text(client)).toContain('from A. ')
        expect(text(client)).toContain('from B. ')
        expect(text(client)).toContain('acknowledged. ')
      }
      onA.destroy()
      onB.destroy()
    },
    STARTUP_MS,
  )

  it('turn a closed seminar read-only on every server', async () => {
    const created = await a.createSeminar()
    const student = await a.join(created, 'Hala')
    const name = `seminar:${created.seminarId}:notebook`
    const onB = await connected(b, name, student.token)
    onB.doc.getText('notes').insert(0, 'before closing ')
    await onB.acknowledged()
    const answer = await a.api(`/api/seminars/${created.seminarId}/close`, {
      method: 'POST',
      token: created.instructorToken,
    })
    expect(answer.status).toBe(200)
    // The notice reaches B within moments: until then B may still apply a change; after, never.
    const deadline = Date.now() + 5000
    let refusedOnB = false
    while (!refusedOnB && Date.now() < deadline) {
      const refused = onB.nextRefusedChange().then(() => true)
      onB.doc.getText('notes').insert(0, 'after closing ')
      refusedOnB = await Promise.race([refused, sleep(200).then(() => false)])
    }
    expect(refusedOnB).toBe(true)
    onB.destroy()
  })

  it('export a seminar from the database while the servers run', async () => {
    const copied = await withSeminarSnapshot(services.databaseUrl, seminar.seminarId, (data) => {
      const store = openExistingSeminarStore(data)
      let contents
      try {
        contents = {
          members: readSeminarContents(store, seminar.seminarId).members.map((m) => m.name),
          notebook: loadStoredDoc(store, notebook()).getText('notes').toString(),
        }
      } finally {
        store.close()
      }
      const csv = seminarExport({ data, seminar: seminar.seminarId, format: 'csv' }, '9.9.9')
      return { ...contents, csv }
    })
    expect(copied.members).toEqual(['Instructor', 'Amal', 'Basma', 'Farah', 'Leaving'])
    expect(copied.notebook).toContain('from A. ')
    expect(copied.notebook).toContain('acknowledged. ')
    expect(copied.csv.split('\n')[0]).toContain('user_id')
    await expect(
      withSeminarSnapshot(services.databaseUrl, 'f00df00df00df00d', () => 'unreachable'),
    ).rejects.toThrow(`there is no seminar "f00df00df00df00d" in ${services.databaseUrl.href}.`)
  })

  it('refuse a database written by a newer Hamish, with one sentence', async () => {
    const admin = new pg.Client({ connectionString: services.databaseUrl.href })
    await admin.connect()
    try {
      await admin.query('CREATE DATABASE newer')
    } finally {
      await admin.end()
    }
    const newer = new URL(services.databaseUrl.href)
    newer.pathname = '/newer'
    const marker = new pg.Client({ connectionString: newer.href })
    await marker.connect()
    try {
      await marker.query(
        'CREATE TABLE hamish_schema (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ)',
      )
      await marker.query('INSERT INTO hamish_schema (version) VALUES (99)')
    } finally {
      await marker.end()
    }
    await expect(PostgresSeminarStorage.open(newer)).rejects.toThrow(
      `the database ${newer.href} was written by a newer Hamish (schema 99); update Hamish to use it.`,
    )
  })

  it('keep every update when a server compacts from a copy that lacks another server’s', async () => {
    const storage = await PostgresSeminarStorage.open(services.databaseUrl)
    try {
      const name = 'seminar:compaction-test:notebook'
      const first = new Y.Doc()
      first.getText('notes').insert(0, 'one ')
      await storage.documents.append(name, Y.encodeStateAsUpdate(first))
      // Another server's copy: it never saw "one".
      const other = new Y.Doc()
      other.getText('notes').insert(0, 'two ')
      await storage.documents.append(name, Y.encodeStateAsUpdate(other))
      await storage.documents.compact(name, Y.encodeStateAsUpdate(other))
      const merged = new Y.Doc()
      Y.applyUpdate(merged, (await storage.documents.load(name)) as Uint8Array)
      expect(merged.getText('notes').toString()).toMatch(/^(one two |two one )$/)
    } finally {
      await storage.close()
    }
  })
})
