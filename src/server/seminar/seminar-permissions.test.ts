import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { Access } from '../../core/seminar/permissions'
import { readRoster } from '../../core/seminar/roster'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../core/seminar/seminar-api'
import { SeminarHarness } from './test-support/seminar-harness'

/*
 * DESIGN.md's permissions table through real connections: for every kind of document and every
 * kind of reader, the server's answer (read-write, read-only, refused), what the reader then
 * sees, and what a write does to the SQLite store. Written out by hand, not computed.
 */

type Who = 'instructor' | 'owner' | 'other'
type Row = 'article' | 'roster' | 'notebook' | 'class' | 'instructor' | 'private'

/** [document, whose user documents, who connects, expected]. `owner` is student Amal. */
const CASES: Array<[Row, 'amal' | 'teacher' | null, Who, Access]> = [
  ['article', null, 'instructor', 'write'],
  ['article', null, 'owner', 'read'],
  ['roster', null, 'instructor', 'read'],
  ['roster', null, 'owner', 'read'],
  ['notebook', null, 'instructor', 'write'],
  ['notebook', null, 'owner', 'write'],
  ['class', 'amal', 'owner', 'write'],
  ['class', 'amal', 'instructor', 'read'],
  ['class', 'amal', 'other', 'read'],
  ['class', 'teacher', 'instructor', 'write'],
  ['class', 'teacher', 'owner', 'read'],
  ['instructor', 'amal', 'owner', 'write'],
  ['instructor', 'amal', 'instructor', 'read'],
  ['instructor', 'amal', 'other', 'none'],
  ['instructor', 'teacher', 'instructor', 'write'],
  ['instructor', 'teacher', 'owner', 'none'],
  ['private', 'amal', 'owner', 'write'],
  ['private', 'amal', 'instructor', 'none'],
  ['private', 'amal', 'other', 'none'],
  ['private', 'teacher', 'instructor', 'write'],
  ['private', 'teacher', 'owner', 'none'],
]

let h: SeminarHarness
let seminar: CreateSeminarResponse
let teacherId: string
let amal: JoinSeminarResponse
let basma: JoinSeminarResponse

function nameOf(row: Row, whose: 'amal' | 'teacher' | null): string {
  const sid = seminar.seminarId
  if (whose === null) return `seminar:${sid}:${row}`
  return `seminar:${sid}:user:${whose === 'amal' ? amal.userId : teacherId}:${row}`
}

function tokenOf(who: Who): string {
  if (who === 'instructor') return seminar.instructorToken
  return who === 'owner' ? amal.token : basma.token
}

/** What each document holds before the readers come: something a refused reader must not get. */
function holdsSeed(row: Row, doc: Y.Doc): boolean {
  if (row === 'article') return doc.getXmlFragment('content').length > 0
  if (row === 'roster') return readRoster(doc).size === 3
  return doc.getMap('probe').get('seed') === 'from the writer'
}

beforeAll(async () => {
  h = await SeminarHarness.start()
  seminar = await h.createSeminar()
  amal = await h.join(seminar, 'Amal')
  basma = await h.join(seminar, 'Basma')
  teacherId = decodeJwt(seminar.instructorToken).sub as string
  // Each writable document gets its seed from someone allowed to write it.
  const seeds: Array<[Row, 'amal' | 'teacher' | null, string]> = [
    ['notebook', null, seminar.instructorToken],
    ...(['class', 'instructor', 'private'] as const).flatMap((row) => [
      [row, 'amal', amal.token] as [Row, 'amal', string],
      [row, 'teacher', seminar.instructorToken] as [Row, 'teacher', string],
    ]),
  ]
  for (const [row, whose, token] of seeds) {
    const writer = h.connect(nameOf(row, whose), token)
    await writer.synced()
    writer.doc.getMap('probe').set('seed', 'from the writer')
    await writer.acknowledged()
    writer.destroy()
  }
})

afterAll(() => h.close())

describe('the permissions table, through real connections', () => {
  it.each(CASES)('%s of %s, opened by %s: %s', async (row, whose, who, access) => {
    const name = nameOf(row, whose)
    const client = h.connect(name, tokenOf(who))
    const outcome = await client.outcome
    const key = `written-by-${who}`

    if (access === 'none') {
      expect(outcome).toEqual({
        ok: false,
        reason: 'You may not open this document: it belongs to another member.',
      })
      expect(client.doc.share.size).toBe(0)
      expect(holdsSeed(row, h.stored(name))).toBe(true)
      client.destroy()
      return
    }

    expect(outcome).toEqual({ ok: true, scope: access === 'write' ? 'read-write' : 'readonly' })
    await client.synced()
    expect(holdsSeed(row, client.doc)).toBe(true)

    if (access === 'read') {
      const refused = client.nextRefusedChange()
      client.doc.getMap('probe').set(key, 'forbidden')
      await refused
      expect(h.stored(name).getMap('probe').has(key)).toBe(false)
    } else {
      client.doc.getMap('probe').set(key, 'allowed')
      await client.acknowledged()
      // Acknowledged means stored: no waiting for a debounced save.
      expect(h.stored(name).getMap('probe').get(key)).toBe('allowed')
    }
    expect(holdsSeed(row, h.stored(name))).toBe(true)
    client.destroy()
  })
})
