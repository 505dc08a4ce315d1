import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32, randomInt } from '../../core/seeded-random'
import type { JoinSeminarResponse } from '../../core/seminar/seminar-api'
import { eventually } from '../seminar/test-support/seminar-harness'
import type { SyncClient } from '../seminar/test-support/sync-client'
import { DATABASE_FILE_NAME } from '../seminar/seminar-database'
import { ServerFolders, SpawnedServer, bundleServer } from './test-support/spawned-server'
import { TrackedWriter } from './test-support/tracked-writer'

/*
 * Faults: the server killed outright during a burst of edits, a client offline for a while, a
 * disk that fills up or turns read-only, a database file damaged while the server was down.
 * Every server here is a child process (see `reliability-server-process`), killed in afterAll.
 */

const WRITERS = 20
const EDITS_PER_WRITER = 60

let bundle: string
const folders: ServerFolders[] = []
const servers: SpawnedServer[] = []
const clients: SyncClient[] = []

beforeAll(async () => {
  bundle = await bundleServer('reliability-faults')
}, 60_000)

afterAll(async () => {
  for (const client of clients) client.destroy()
  await Promise.all(servers.map((server) => server.kill()))
  for (const folder of folders) folder.remove()
})

async function start(folder: ServerFolders, port = 0): Promise<SpawnedServer> {
  const server = await SpawnedServer.start(bundle, folder, port)
  servers.push(server)
  return server
}

function newFolders(): ServerFolders {
  const folder = new ServerFolders()
  folders.push(folder)
  return folder
}

async function connected(server: SpawnedServer, name: string, token: string): Promise<SyncClient> {
  const client = server.connect(name, token)
  clients.push(client)
  const outcome = await client.outcome
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`)
  await client.synced()
  await client.acknowledged()
  return client
}

/** What a fresh reader gets from the server for a document. */
async function read(server: SpawnedServer, name: string, token: string): Promise<string[]> {
  const reader = await connected(server, name, token)
  const edits = reader.doc.getArray<string>('edits').toArray()
  reader.destroy()
  return edits
}

function duplicates(entries: string[]): string[] {
  const seen = new Set<string>()
  return entries.filter((entry) => (seen.has(entry) ? true : (seen.add(entry), false)))
}

describe('the server killed with SIGKILL during a burst of edits from 20 clients', () => {
  it('keeps every acknowledged change, and gets every other one again from its client', async () => {
    const folder = newFolders()
    let server = await start(folder)
    const seminar = await server.createSeminar()
    const notebook = `seminar:${seminar.seminarId}:notebook`
    const members: JoinSeminarResponse[] = []
    for (let i = 0; i < WRITERS; i++) members.push(await server.join(seminar, `Student ${i}`))
    const writers = await Promise.all(
      members.map(async (member, i) => {
        const writer = new TrackedWriter(`w${i}`, await connected(server, notebook, member.token))
        writer.track()
        return writer
      }),
    )

    // Each writer edits at its own seeded pace; the server dies a third of the way through.
    const random = mulberry32(8)
    const delays = writers.map(() =>
      Array.from({ length: EDITS_PER_WRITER }, () => randomInt(random, 2, 30)),
    )
    const burst = Promise.all(
      writers.map(async (writer, i) => {
        for (const delay of delays[i] as number[]) {
          writer.write()
          await sleep(delay)
        }
      }),
    )
    const total = WRITERS * EDITS_PER_WRITER
    const acked = () => writers.reduce((sum, writer) => sum + writer.ackCount, 0)
    await eventually(() => acked() >= total / 3, 20_000, 'a third of the edits to be acknowledged')
    const exit = await server.kill()
    expect(exit.signal).toBe('SIGKILL')
    for (const writer of writers) {
      writer.freeze()
      // Offline until the check below has read what the new server kept by itself.
      writer.client.goOffline()
    }
    await burst

    const acknowledged = writers.flatMap((writer) => writer.acknowledged)
    const written = writers.flatMap((writer) => writer.written)
    expect(written).toHaveLength(total)
    // The kill did land mid-burst: some changes were never acknowledged.
    expect(acknowledged.length).toBeLessThan(total)

    server = await start(folder, server.port)
    const kept = await read(server, notebook, seminar.instructorToken)
    expect(duplicates(kept)).toEqual([])
    expect(acknowledged.filter((entry) => !kept.includes(entry))).toEqual([])
    expect(kept.filter((entry) => !written.includes(entry))).toEqual([])

    // The writers come back and send what the server lacks: all of it, exactly once.
    for (const writer of writers) writer.client.goOnline()
    await eventually(
      () =>
        writers.every((w) => w.client.provider.isSynced && !w.client.provider.hasUnsyncedChanges),
      20_000,
      'every writer to be synced again',
    )
    const merged = await read(server, notebook, seminar.instructorToken)
    expect(merged).toHaveLength(total)
    expect(duplicates(merged)).toEqual([])
    expect([...merged].sort()).toEqual([...written].sort())

    // And what they resent was stored: another SIGKILL loses none of it.
    await server.kill()
    for (const writer of writers) writer.client.goOffline()
    server = await start(folder, server.port)
    const afterSecondKill = await read(server, notebook, seminar.instructorToken)
    expect([...afterSecondKill].sort()).toEqual([...written].sort())
    for (const writer of writers) writer.client.destroy()
    await server.kill()
  }, 60_000)
})

describe('a member offline for a while', () => {
  it('merges with what others wrote meanwhile, both ways', async () => {
    const server = await start(newFolders())
    const seminar = await server.createSeminar()
    const notebook = `seminar:${seminar.seminarId}:notebook`
    const [amal, basma] = [await server.join(seminar, 'Amal'), await server.join(seminar, 'Basma')]
    const traveller = await connected(server, notebook, amal.token)
    const staying = await connected(server, notebook, basma.token)
    traveller.doc.getText('notes').insert(0, 'قبل القطار. ')
    await traveller.acknowledged()
    await eventually(() => staying.doc.getText('notes').length > 0)

    traveller.goOffline()
    for (let i = 0; i < 10; i++) {
      traveller.doc.getText('notes').insert(traveller.doc.getText('notes').length, `قطار${i} `)
      staying.doc.getText('notes').insert(0, `desk${i} `)
      await sleep(20)
    }
    await staying.acknowledged()
    expect(traveller.provider.hasUnsyncedChanges).toBe(true)

    traveller.goOnline()
    await eventually(
      () => traveller.provider.isSynced && !traveller.provider.hasUnsyncedChanges,
      10_000,
      'the traveller to sync again',
    )
    const text = () => staying.doc.getText('notes').toString()
    await eventually(() => text() === traveller.doc.getText('notes').toString(), 5000)
    for (let i = 0; i < 10; i++) {
      expect(text()).toContain(`قطار${i} `)
      expect(text()).toContain(`desk${i} `)
    }
    expect(text()).toContain('قبل القطار. ')
    await server.kill()
  })
})

/** Opens the data folder's database as another program would (the server must be gone). */
function integrityOf(folder: ServerFolders): string {
  const db = new DatabaseSync(join(folder.data, DATABASE_FILE_NAME))
  try {
    return String(db.prepare('PRAGMA integrity_check').get()?.['integrity_check'])
  } finally {
    db.close()
  }
}

describe.each([
  ['full', /disk is full/, 'a restart'],
  ['readonly', /readonly/, 'no restart'],
] as const)('a %s disk', (fault, cause, recovery) => {
  it(`refuses changes with a clear error, acknowledges none, corrupts nothing; recovers with ${recovery}`, async () => {
    const folder = newFolders()
    let server = await start(folder)
    const seminar = await server.createSeminar()
    const notebook = `seminar:${seminar.seminarId}:notebook`
    const student = await server.join(seminar, 'Dalia')
    const writer = await connected(server, notebook, student.token)
    writer.doc.getText('notes').insert(0, 'saved before. ')
    await writer.acknowledged()

    await server.fault(fault)
    const closed = writer.nextClose()
    // Big enough to need new pages in the file, whatever room the last page had.
    writer.doc.getText('notes').insert(0, 'لم يحفظ '.repeat(20_000))
    expect(await closed).toEqual({ code: 4507, reason: expect.stringMatching(/cannot save/) })
    expect(writer.provider.hasUnsyncedChanges).toBe(true)
    expect(server.stderr).toMatch(cause)
    expect(server.stderr).toContain(DATABASE_FILE_NAME)
    // Still serving, and still refusing: the client's reconnections are turned away too.
    expect((await fetch(new URL('/api/health', server.url))).status).toBe(200)
    expect((await writer.nextClose()).code).toBe(4507)
    expect(writer.provider.hasUnsyncedChanges).toBe(true)

    if (recovery === 'a restart') {
      // Killed while the disk is full: the file is whole, with what was acknowledged.
      writer.goOffline()
      await server.kill()
      expect(integrityOf(folder)).toBe('ok')
      server = await start(folder, server.port)
      const reader = await connected(server, notebook, seminar.instructorToken)
      expect(reader.doc.getText('notes').toString()).toBe('saved before. ')
      reader.destroy()
      writer.goOnline()
    } else {
      await server.fault('none')
    }
    // Room again: the writer's change is taken on its next connection, and kept.
    await eventually(
      () => writer.provider.isSynced && !writer.provider.hasUnsyncedChanges,
      10_000,
      'the writer to sync again',
    )
    // Killed at once: no store on the writer's disconnect may save what the answer claimed.
    await server.kill()
    writer.goOffline()
    expect(integrityOf(folder)).toBe('ok')
    server = await start(folder, server.port)
    const after = await connected(server, notebook, seminar.instructorToken)
    expect(after.doc.getText('notes').toString()).toBe(writer.doc.getText('notes').toString())
    expect(after.doc.getText('notes').toString()).toContain('لم يحفظ')
    writer.destroy()
    after.destroy()
    await server.kill()
  }, 30_000)
})

/** Folds the WAL into the file (the killed server left it), so that what is damaged is all there is. */
function checkpoint(path: string): number {
  const db = new DatabaseSync(path)
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  const pageSize = Number(db.prepare('PRAGMA page_size').get()?.['page_size'])
  db.close()
  return pageSize
}

function overwriteWithText(path: string): void {
  checkpoint(path)
  writeFileSync(path, 'x'.repeat(8192))
}

/** Overwrites every page but the first with noise: the header is sound, the file still opens. */
function damagePages(path: string): void {
  const pageSize = checkpoint(path)
  const bytes = readFileSync(path)
  const random = mulberry32(3)
  for (let i = pageSize; i < bytes.length; i++) bytes[i] = randomInt(random, 0, 255)
  writeFileSync(path, bytes)
}

describe('a damaged database file at start', () => {
  it.each([
    ['is not a database at all', overwriteWithText],
    ['has damaged pages', damagePages],
  ])('that %s is reported and moved aside whole, never replaced', async (_, damage) => {
    const folder = newFolders()
    const server = await start(folder)
    await server.createSeminar('Before the damage')
    await server.kill()
    const path = join(folder.data, DATABASE_FILE_NAME)
    damage(path)
    const damaged = readFileSync(path)

    const refused = await SpawnedServer.start(bundle, folder).then(
      (started) => (servers.push(started), null),
      (error: Error) => error.message,
    )
    expect(refused).toMatch(/the server exited \(65\)/)
    expect(refused).toMatch(/is damaged/)
    const moved = readdirSync(folder.data).filter((name) =>
      name.startsWith(`${DATABASE_FILE_NAME}.corrupt-`),
    )
    expect(moved).toHaveLength(1)
    expect(refused).toContain(join(folder.data, moved[0] as string))
    expect(readFileSync(join(folder.data, moved[0] as string)).equals(damaged)).toBe(true)
    expect(existsSync(path)).toBe(false)

    // Told so, the host starts again: on an empty store, the damaged file still kept.
    const again = await start(folder)
    expect((await fetch(new URL('/api/health', again.url))).status).toBe(200)
    expect(readFileSync(join(folder.data, moved[0] as string)).equals(damaged)).toBe(true)
    await again.kill()
  })
})
