import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { SignJWT, decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AnnotationCollection } from '../../core/annotations/annotation-collection'
import { annotationEntries, writeEntry } from '../../core/annotations/annotation-entry'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../core/seminar/seminar-api'
import { runExport, seminarExport } from '../export-command'
import { HamishError } from '../hamish-error'
import {
  SEMINAR_ID,
  STUDENT_A,
  createSeminarDataDir,
} from '../seminar-export/test-support/seminar-fixture'
import { DATABASE_FILE_NAME } from '../seminar/seminar-database'
import { MAX_BODY_BYTES } from '../seminar/seminar-api-handler'
import { MEMBER_TOKEN_LIFETIME_SECONDS } from '../seminar/member-tokens'
import type { SecurityEvent } from '../seminar/security-log'
import {
  SeminarHarness,
  eventually,
  type HarnessOptions,
} from '../seminar/test-support/seminar-harness'
import { RawSyncSocket, wire } from './access-control-wire'

/*
 * The attacks of issue 8, each by a real client against a real server on loopback: refused,
 * logged (through the server's security log), and the store left exactly as it was. The
 * permissions table row by row is in seminar-permissions.test.ts; this file is the rest.
 */

const NO_SUCH_DOCUMENT = 'There is no such document: the name is not a seminar document.'
const OTHERS = 'You may not open this document: it belongs to another member.'

let h: SeminarHarness
let events: SecurityEvent[]
let seminar: CreateSeminarResponse
let amal: JoinSeminarResponse
let basma: JoinSeminarResponse
let teacherId: string

const sid = () => seminar.seminarId
const userDoc = (userId: string, scope: 'class' | 'instructor' | 'private') =>
  `seminar:${sid()}:user:${userId}:${scope}`

/** What the store holds for a document, reduced to what any accepted change would alter. */
function fingerprint(harness: SeminarHarness, name: string): string {
  const state = harness.seminars.storedState(name)
  if (state === null) return 'nothing stored'
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')
}

function fingerprints(harness: SeminarHarness, names: readonly string[]): string[] {
  return names.map((name) => `${name} ${fingerprint(harness, name)}`)
}

/** Every document of the seminar an attack could reach. */
function allDocuments(): string[] {
  const users = [amal.userId, basma.userId, teacherId]
  return [
    `seminar:${sid()}:article`,
    `seminar:${sid()}:roster`,
    `seminar:${sid()}:notebook`,
    ...users.flatMap((user) => [
      userDoc(user, 'class'),
      userDoc(user, 'instructor'),
      userDoc(user, 'private'),
    ]),
  ]
}

async function startHarness(options: HarnessOptions = {}) {
  const logged: SecurityEvent[] = []
  const harness = await SeminarHarness.start({ ...options, securityLog: (e) => logged.push(e) })
  return { harness, logged }
}

beforeAll(async () => {
  ;({ harness: h, logged: events } = await startHarness())
  seminar = await h.createSeminar()
  amal = await h.join(seminar, 'Amal')
  basma = await h.join(seminar, 'Basma')
  teacherId = decodeJwt(seminar.instructorToken).sub as string
  // Something in every document for an attacker to spoil or steal.
  const seeds: Array<[string, string]> = [
    [`seminar:${sid()}:notebook`, seminar.instructorToken],
    ...(['class', 'instructor', 'private'] as const).flatMap((scope): Array<[string, string]> => [
      [userDoc(amal.userId, scope), amal.token],
      [userDoc(basma.userId, scope), basma.token],
      [userDoc(teacherId, scope), seminar.instructorToken],
    ]),
  ]
  for (const [name, token] of seeds) {
    const writer = h.connect(name, token)
    await writer.synced()
    writer.doc.getMap('probe').set('secret', `kept in ${name}`)
    await writer.acknowledged()
    writer.destroy()
  }
})

afterAll(() => h.close())

describe("writing someone else's document", () => {
  type Case = [string, () => string, () => string, 'read' | 'none']
  const cases: Case[] = [
    [
      "a student, a classmate's class notes",
      () => userDoc(basma.userId, 'class'),
      () => amal.token,
      'read',
    ],
    [
      "a student, a classmate's notes for the instructors",
      () => userDoc(basma.userId, 'instructor'),
      () => amal.token,
      'none',
    ],
    [
      "a student, a classmate's private notes",
      () => userDoc(basma.userId, 'private'),
      () => amal.token,
      'none',
    ],
    [
      "a student, the instructor's private notes",
      () => userDoc(teacherId, 'private'),
      () => amal.token,
      'none',
    ],
    ['a student, the article', () => `seminar:${sid()}:article`, () => amal.token, 'read'],
    ['a student, the roster', () => `seminar:${sid()}:roster`, () => amal.token, 'read'],
    [
      "the instructor, a student's class notes",
      () => userDoc(basma.userId, 'class'),
      () => seminar.instructorToken,
      'read',
    ],
    [
      "the instructor, a student's instructor notes",
      () => userDoc(basma.userId, 'instructor'),
      () => seminar.instructorToken,
      'read',
    ],
    [
      "the instructor, a student's private notes",
      () => userDoc(basma.userId, 'private'),
      () => seminar.instructorToken,
      'none',
    ],
    [
      'the instructor, the roster',
      () => `seminar:${sid()}:roster`,
      () => seminar.instructorToken,
      'read',
    ],
  ]

  it.each(cases)('%s: refused, logged, the store unchanged', async (_, nameOf, tokenOf, access) => {
    const name = nameOf()
    const before = fingerprints(h, allDocuments())
    const from = events.length
    const client = h.connect(name, tokenOf())
    const outcome = await client.outcome
    if (access === 'none') {
      expect(outcome).toEqual({ ok: false, reason: OTHERS })
      // Nothing of the document reached the client.
      expect(client.doc.getMap('probe').size).toBe(0)
      client.doc.getMap('probe').set('secret', 'overwritten')
      annotationEntries(client.doc).set('forged', new Y.Map())
      expect(events.slice(from)).toContainEqual({
        kind: 'sync-refused',
        documentName: name,
        reason: OTHERS,
      })
    } else {
      expect(outcome).toEqual({ ok: true, scope: 'readonly' })
      await client.synced()
      const refused = client.nextRefusedChange()
      client.doc.getMap('probe').set('secret', 'overwritten')
      annotationEntries(client.doc).set('forged', new Y.Map())
      await refused
      expect(events.slice(from)).toContainEqual({
        kind: 'read-only-write',
        documentName: name,
        userId: decodeJwt(tokenOf()).sub,
      })
    }
    await sleep(50)
    expect(fingerprints(h, allDocuments())).toEqual(before)
    client.destroy()
  })

  it('an update sent for a document the socket never opened, or was refused, is never applied', async () => {
    const before = fingerprints(h, allDocuments())
    const socket = await RawSyncSocket.open(h.syncUrl)
    const own = userDoc(amal.userId, 'class')
    const victim = userDoc(basma.userId, 'class')
    const secret = userDoc(basma.userId, 'private')
    const forged = new Y.Doc()
    forged.getMap('probe').set('secret', 'overwritten')
    const update = Y.encodeStateAsUpdate(forged)

    socket.send(wire.auth(own, amal.token))
    await eventually(() => socket.authAnswers(own).length > 0)
    expect(socket.authAnswers(own)).toEqual(['authenticated: read-write'])
    // Over the socket that holds her own document: updates for two documents she never opened,
    // then for one she asks for and is refused, then a request for its content.
    socket.send(wire.update(victim, update))
    socket.send(wire.update(secret, update))
    socket.send(wire.auth(secret, amal.token))
    socket.send(wire.syncStep1(secret, new Uint8Array([0])))
    await eventually(() => socket.authAnswers(secret).length > 0)
    expect(socket.authAnswers(secret)).toEqual([`denied: ${OTHERS}`])
    await sleep(100)
    expect(socket.sentSyncFor(secret)).toBe(false)
    expect(socket.sentSyncFor(victim)).toBe(false)
    expect(fingerprints(h, allDocuments())).toEqual(before)
    socket.close()
  })

  it("an annotation a student writes in her own document in a classmate's name is not the classmate's", async () => {
    const own = userDoc(amal.userId, 'class')
    const writer = h.connect(own, amal.token)
    await writer.synced()
    const forged = {
      id: 'forged-1',
      kind: 'comment',
      author: basma.userId,
      authorName: 'Basma',
      color: 'yellow',
      body: 'words Basma never wrote',
      tags: [],
      createdAt: '2026-11-29T00:00:00.000Z',
      updatedAt: '2026-11-29T00:00:00.000Z',
    }
    writeEntry(annotationEntries(writer.doc), 'forged-1', forged)
    await writer.acknowledged()
    writer.destroy()

    // What every reader of Amal's class notes gets: listed apart as a forgery, never as Basma's.
    const collection = new AnnotationCollection([
      { doc: h.stored(own), owner: amal.userId, visibility: 'class' },
    ])
    expect(collection.all().some((a) => a.id === 'forged-1')).toBe(false)
    expect(collection.invalid().map((i) => [i.id, i.problem])).toContainEqual([
      'forged-1',
      `its author ${basma.userId} is not the document's owner`,
    ])
    // The entry stays in Amal's own document (so she can delete it); Basma's is untouched.
    expect(h.stored(userDoc(basma.userId, 'class')).getMap('annotations').has('forged-1')).toBe(
      false,
    )
  })
})

describe('forged awareness', () => {
  it("is stamped with the connection's identity and logged; another's client id is dropped and logged", async () => {
    const notebook = `seminar:${sid()}:notebook`
    const watcher = h.connect(notebook, seminar.instructorToken)
    await watcher.synced()
    const from = events.length
    const liar = h.connect(notebook, amal.token)
    await liar.synced()
    liar.provider.setAwarenessField('user', {
      userId: basma.userId,
      name: 'Basma',
      role: 'instructor',
      color: '#000000',
    })
    await eventually(
      () =>
        (
          watcher.provider.awareness?.getStates().get(liar.doc.clientID)?.['user'] as
            { userId?: string } | undefined
        )?.userId === amal.userId,
      5000,
      'the stamped state',
    )
    expect(watcher.provider.awareness?.getStates().get(liar.doc.clientID)?.['user']).toMatchObject({
      userId: amal.userId,
      name: 'Amal',
      role: 'student',
    })
    expect(events.slice(from)).toContainEqual({
      kind: 'awareness-claim',
      documentName: notebook,
      userId: amal.userId,
      claimed: basma.userId,
    })

    // The watcher's client id becomes its own once it has published a state.
    watcher.provider.setAwarenessField('cursor', { at: 1 })
    await eventually(
      () =>
        liar.provider.awareness?.getStates().get(watcher.doc.clientID)?.['cursor'] !== undefined,
    )
    const impostorDoc = new Y.Doc()
    impostorDoc.clientID = watcher.doc.clientID
    const impostor = h.connect(notebook, amal.token, { doc: impostorDoc })
    await impostor.synced()
    impostor.provider.setAwarenessField('cursor', { at: 99 })
    await eventually(() =>
      events
        .slice(from)
        .some((e) => e.kind === 'awareness-dropped' && e.clientId === watcher.doc.clientID),
    )
    for (const client of [watcher, liar, impostor]) client.destroy()
  })
})

describe('tokens', () => {
  const notebook = () => `seminar:${sid()}:notebook`
  const INVALID = 'This sign-in is not valid on this server: join the seminar again with its link.'

  /** A token with Amal's claims (or others), signed with a key of the attacker's choosing. */
  async function forged(claims: Record<string, unknown>, alg: 'HS256' | 'none' = 'HS256') {
    const real = decodeJwt(amal.token)
    const payload = { ...real, ...claims }
    if (alg === 'none') {
      const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
      return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`
    }
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('a secret the attacker guessed, not the server’s'))
  }

  it.each([
    ['a tampered signature', async () => `${amal.token.slice(0, -6)}AAAAAA`, INVALID],
    [
      'a payload edited to claim the instructor role',
      async () => {
        const [header, , signature] = amal.token.split('.')
        const payload = Buffer.from(
          JSON.stringify({ ...decodeJwt(amal.token), role: 'instructor' }),
        )
        return `${header}.${payload.toString('base64url')}.${signature}`
      },
      INVALID,
    ],
    ['alg "none"', () => forged({ role: 'instructor' }, 'none'), INVALID],
    [
      'a token signed with another key',
      () => forged({ sub: teacherId, role: 'instructor' }),
      INVALID,
    ],
    ['garbage', async () => 'not.a.jwt', INVALID],
    [
      'a token of another seminar',
      async () => (await h.createSeminar()).instructorToken,
      'This sign-in is for another seminar.',
    ],
  ])('refuses %s, logs it, and changes nothing', async (_, token, reason) => {
    const before = fingerprints(h, allDocuments())
    const from = events.length
    const client = h.connect(notebook(), await token())
    expect(await client.outcome).toEqual({ ok: false, reason })
    client.doc.getMap('probe').set('secret', 'overwritten')
    expect(events.slice(from)).toContainEqual({
      kind: 'sync-refused',
      documentName: notebook(),
      reason,
    })
    await sleep(50)
    expect(fingerprints(h, allDocuments())).toEqual(before)
    client.destroy()
  })

  it('refuses an expired token, logs it, and changes nothing', async () => {
    const before = fingerprints(h, allDocuments())
    const from = events.length
    h.clock.advance((MEMBER_TOKEN_LIFETIME_SECONDS + 60) * 1000)
    try {
      const client = h.connect(userDoc(amal.userId, 'class'), amal.token)
      const reason = 'Your sign-in to this seminar has expired: join it again with its link.'
      expect(await client.outcome).toEqual({ ok: false, reason })
      expect(events.slice(from)).toContainEqual(
        expect.objectContaining({ kind: 'sync-refused', reason }),
      )
      client.destroy()
    } finally {
      h.clock.advance(-(MEMBER_TOKEN_LIFETIME_SECONDS + 60) * 1000)
    }
    expect(fingerprints(h, allDocuments())).toEqual(before)
  })

  it("refuses a removed member's token on sync and on the API, and logs both", async () => {
    const leaving = await h.join(seminar, 'Leaving')
    const own = userDoc(leaving.userId, 'class')
    const writer = h.connect(own, leaving.token)
    await writer.synced()
    writer.doc.getMap('probe').set('before', 'removal')
    await writer.acknowledged()
    writer.destroy()
    const removed = await h.api(`/api/seminars/${sid()}/members/${leaving.userId}`, {
      method: 'DELETE',
      token: seminar.instructorToken,
    })
    expect(removed.status).toBe(200)
    const before = fingerprints(h, [...allDocuments(), own])
    const from = events.length

    const client = h.connect(own, leaving.token)
    const reason = 'You are no longer a member of this seminar.'
    expect(await client.outcome).toEqual({ ok: false, reason })
    client.doc.getMap('probe').set('after', 'removal')
    const members = await h.api(`/api/seminars/${sid()}/members`, { token: leaving.token })
    expect(members.status).toBe(403)
    expect(events.slice(from)).toEqual(
      expect.arrayContaining([
        { kind: 'sync-refused', documentName: own, reason },
        expect.objectContaining({ kind: 'api-refused', status: 403, method: 'GET' }),
      ]),
    )
    await sleep(50)
    expect(fingerprints(h, [...allDocuments(), own])).toEqual(before)
    client.destroy()
  })
})

describe('document names', () => {
  const TRAVERSALS: Array<[string, () => string]> = [
    ['parent segment for the seminar', () => 'seminar:../x'],
    ['parent segment for the user', () => `seminar:${sid()}:user:../${basma.userId}:class`],
    [
      'a path inside the user id',
      () => `seminar:${sid()}:user:${amal.userId}/../${basma.userId}:class`,
    ],
    ['percent-encoded traversal', () => `seminar:${sid()}:user:%2e%2e%2f${basma.userId}:class`],
    ['percent-encoded colon', () => `seminar:${sid()}:user:${basma.userId}%3aprivate`],
    ['an extra segment', () => `${userDoc(basma.userId, 'private')}:class`],
    ['a trailing colon', () => `${userDoc(amal.userId, 'class')}:`],
    ['an empty user id', () => `seminar:${sid()}::class`],
    ['a user segment with no id', () => `seminar:${sid()}:user::private`],
    ['another case', () => `seminar:${sid()}:user:${basma.userId}:Private`],
    ['an upper-case seminar id', () => `seminar:${sid().toUpperCase()}:notebook`],
    ['a trailing space', () => `seminar:${sid()}:notebook `],
    ['a trailing newline', () => `${userDoc(basma.userId, 'private')}\n`],
    ['a leading space', () => ` seminar:${sid()}:notebook`],
    ['full-width colons', () => `seminar：${sid()}：notebook`],
    ['a backslash path', () => `seminar:${sid()}:user:..\\${basma.userId}:class`],
    ['a very long name', () => `seminar:${sid()}:user:${'a'.repeat(10_000)}:class`],
  ]

  it.each(TRAVERSALS)('refuses %s, logs it, and stores nothing', async (_, nameOf) => {
    const name = nameOf()
    const before = fingerprints(h, allDocuments())
    const from = events.length
    const client = h.connect(name, amal.token)
    expect(await client.outcome).toEqual({ ok: false, reason: NO_SUCH_DOCUMENT })
    client.doc.getMap('probe').set('secret', 'overwritten')
    expect(events.slice(from)).toContainEqual({
      kind: 'sync-refused',
      documentName: name,
      reason: NO_SUCH_DOCUMENT,
    })
    await sleep(50)
    expect(h.seminars.storedState(name)).toBeNull()
    expect(fingerprints(h, allDocuments())).toEqual(before)
    client.destroy()
  })

  it("judges a name with a session suffix (NUL) as the document it names: a classmate's private notes stay refused", async () => {
    const name = `${userDoc(basma.userId, 'private')}\u0000session`
    const client = h.connect(name, amal.token)
    expect(await client.outcome).toEqual({ ok: false, reason: OTHERS })
    expect(client.doc.getMap('probe').size).toBe(0)
    client.destroy()
  })
})

describe('seminar ids and user ids in the HTTP API', () => {
  /** A request with its path exactly as given: `fetch` would resolve the dot segments itself. */
  function rawRequest(method: string, path: string, token: string): Promise<number> {
    const url = new URL(h.url)
    return new Promise((resolve, reject) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { authorization: `Bearer ${token}`, host: url.host },
      })
      req.on('response', (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.end()
    })
  }

  async function membersNow(): Promise<unknown> {
    return (await h.api(`/api/seminars/${sid()}/members`, { token: seminar.instructorToken })).body
  }

  it.each([
    ['GET', () => `/api/seminars/..%2f${sid()}/members`, () => seminar.instructorToken, 404],
    ['GET', () => `/api/seminars/${sid()}%2fmembers`, () => seminar.instructorToken, 404],
    [
      'GET',
      () => `/api/seminars/${sid().toUpperCase()}/members`,
      () => seminar.instructorToken,
      404,
    ],
    ['GET', () => `/api/seminars/%2e%2e/members`, () => seminar.instructorToken, 404],
    [
      'DELETE',
      () => `/api/seminars/${sid()}/members/..%2f${teacherId}`,
      () => seminar.instructorToken,
      404,
    ],
    [
      'DELETE',
      () => `/api/seminars/${sid()}/members/${basma.userId}%00`,
      () => seminar.instructorToken,
      404,
    ],
    ['DELETE', () => `/api/seminars/${sid()}/members/${basma.userId}`, () => amal.token, 403],
    ['POST', () => `/api/seminars/${sid()}/join-code`, () => amal.token, 403],
    ['POST', () => `/api/seminars/${sid()}/close`, () => amal.token, 403],
  ])('%s %s is refused and changes nothing', async (method, pathOf, tokenOf, status) => {
    const before = await membersNow()
    const from = events.length
    expect(await rawRequest(method, pathOf(), tokenOf())).toBe(status)
    expect(await membersNow()).toEqual(before)
    if (status === 403) {
      await eventually(() => events.slice(from).some((e) => e.kind === 'api-refused'))
      expect(events.slice(from)).toContainEqual(
        expect.objectContaining({ kind: 'api-refused', method, status }),
      )
    }
  })

  it("resolves dot segments before routing, so another seminar's instructor cannot reach this one", async () => {
    const other = await h.createSeminar({ title: 'Another seminar' })
    const before = await membersNow()
    const path = `/api/seminars/${other.seminarId}/../${sid()}/members/${basma.userId}`
    expect(await rawRequest('DELETE', path, other.instructorToken)).toBe(403)
    expect(await membersNow()).toEqual(before)
  })
})

describe('oversized messages', () => {
  it('a sync message over the cap closes that connection, is logged, and stores nothing of it', async () => {
    const { harness, logged } = await startHarness({ maxMessageBytes: 64 * 1024 })
    try {
      const created = await harness.createSeminar()
      const student = await harness.join(created, 'Big')
      const name = `seminar:${created.seminarId}:notebook`
      const big = harness.connect(name, student.token)
      await big.synced()
      const before = fingerprint(harness, name)
      const closed = big.nextClose()
      big.doc.getText('notes').insert(0, 'x'.repeat(80 * 1024))
      expect((await closed).code).toBe(1009)
      big.destroy()
      expect(logged).toContainEqual(expect.objectContaining({ kind: 'message-too-big' }))
      expect(fingerprint(harness, name)).toBe(before)
    } finally {
      await harness.close()
    }
  })

  it('a join body over the cap is refused with 413, logged, and makes no member', async () => {
    const before = await h.api(`/api/seminars/${sid()}/members`, { token: seminar.instructorToken })
    const from = events.length
    const answer = await h.api(`/api/seminars/${sid()}/join`, {
      body: { code: seminar.joinCode, name: 'x'.repeat(MAX_BODY_BYTES + 10) },
    })
    expect(answer.status).toBe(413)
    await eventually(() => events.slice(from).some((e) => e.kind === 'api-refused'))
    expect(events.slice(from)).toContainEqual(
      expect.objectContaining({ kind: 'api-refused', status: 413 }),
    )
    const after = await h.api(`/api/seminars/${sid()}/members`, { token: seminar.instructorToken })
    expect(after.body).toEqual(before.body)
  })
})

describe('floods', () => {
  it('join attempts past the limit are refused with 429, logged, even with the right code; no member is made', async () => {
    const { harness, logged } = await startHarness({ wrongJoinCodesPerMinute: 3 })
    try {
      const created = await harness.createSeminar()
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        const answer = await harness.api(`/api/seminars/${created.seminarId}/join`, {
          body: { code: `wrong-${i}`, name: `Guess ${i}` },
        })
        statuses.push(answer.status)
      }
      const right = await harness.api(`/api/seminars/${created.seminarId}/join`, {
        body: { code: created.joinCode, name: 'After the flood' },
      })
      expect(statuses.slice(-2)).toEqual([429, 429])
      expect(right.status).toBe(429)
      await eventually(() => logged.filter((e) => e.kind === 'api-refused').length >= 3)
      expect(logged).toContainEqual(expect.objectContaining({ kind: 'api-refused', status: 429 }))
      const members = await harness.api(`/api/seminars/${created.seminarId}/members`, {
        token: created.instructorToken,
      })
      expect((members.body as { members: unknown[] }).members).toHaveLength(1)
    } finally {
      await harness.close()
    }
  })

  it('a sync message flood closes that connection (4429), and is logged once', async () => {
    const { harness, logged } = await startHarness({ messageRate: { burst: 20, perSecond: 1 } })
    try {
      const created = await harness.createSeminar()
      const student = await harness.join(created, 'Chatty')
      const name = `seminar:${created.seminarId}:notebook`
      const chatty = harness.connect(name, student.token)
      await chatty.synced()
      const closed = chatty.nextClose()
      for (let i = 0; i < 60; i++) chatty.doc.getText('notes').insert(0, `${i} `)
      expect((await closed).code).toBe(4429)
      chatty.destroy()
      expect(logged.filter((e) => e.kind === 'too-many-messages')).toEqual([
        { kind: 'too-many-messages', userId: student.userId },
      ])
    } finally {
      await harness.close()
    }
  })
})

describe('hamish export: seminar ids, user ids and --out paths', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  function dataDir(): string {
    const dir = createSeminarDataDir()
    dirs.push(dir)
    return dir
  }

  function failure(run: () => unknown): HamishError {
    try {
      run()
    } catch (error) {
      if (error instanceof HamishError) return error
      throw error
    }
    throw new Error('it did not fail')
  }

  it.each([
    '../seminar-1',
    'seminar-1/../seminar-1',
    '..',
    'SEMINAR-1',
    'seminar-1\u0000',
    '%2e%2e',
  ])('refuses the seminar id %j', (seminarId) => {
    const data = dataDir()
    const error = failure(() => seminarExport({ data, seminar: seminarId, format: 'csv' }, '1'))
    expect(error.message).toContain('there is no seminar')
  })

  it.each(['../student-a', 'student-a/..', `${STUDENT_A.userId}\u0000`])(
    'refuses the user id %j',
    (user) => {
      const data = dataDir()
      const error = failure(() =>
        seminarExport({ data, seminar: SEMINAR_ID, format: 'md', user }, '1'),
      )
      expect(error.message).toMatch(/has no member/)
    },
  )

  it.each([
    ['the seminar database itself', (data: string) => join(data, DATABASE_FILE_NAME)],
    [
      'the database through a dot segment',
      (data: string) => join(data, 'exports', '..', DATABASE_FILE_NAME),
    ],
    ['a folder', (data: string) => join(data, 'exports')],
  ])('will not write --out over %s', async (_, outOf) => {
    const data = dataDir()
    mkdirSync(join(data, 'exports'), { recursive: true })
    const database = join(data, DATABASE_FILE_NAME)
    const hash = () => createHash('sha256').update(readFileSync(database)).digest('hex')
    const before = hash()
    await expect(
      runExport({ data, seminar: SEMINAR_ID, format: 'csv', out: outOf(data) }),
    ).rejects.toBeInstanceOf(HamishError)
    expect(hash()).toBe(before)
  })
})
