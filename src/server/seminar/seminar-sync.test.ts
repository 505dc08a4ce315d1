import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AwarenessUser } from '../../core/seminar/awareness-user'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../core/seminar/seminar-api'
import { MEMBER_TOKEN_LIFETIME_SECONDS } from './member-tokens'
import { MAX_SYNC_MESSAGE_BYTES } from './sync-endpoint'
import { SeminarHarness, eventually } from './test-support/seminar-harness'
import type { ClientOptions, SyncClient } from './test-support/sync-client'

let h: SeminarHarness
let seminar: CreateSeminarResponse
let amal: JoinSeminarResponse
let basma: JoinSeminarResponse

const notebook = () => `seminar:${seminar.seminarId}:notebook`
const classDoc = (userId: string) => `seminar:${seminar.seminarId}:user:${userId}:class`

beforeAll(async () => {
  h = await SeminarHarness.start()
  seminar = await h.createSeminar()
  amal = await h.join(seminar, 'Amal')
  basma = await h.join(seminar, 'Basma')
})

afterAll(() => h.close())

async function connected(
  name: string,
  token: string,
  options?: ClientOptions,
): Promise<SyncClient> {
  const client = h.connect(name, token, options)
  const outcome = await client.outcome
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`)
  await client.synced()
  return client
}

function cursorOf(client: SyncClient, clientId: number): number | undefined {
  const cursor = client.provider.awareness?.getStates().get(clientId)?.['cursor']
  return (cursor as { at?: number } | undefined)?.at
}

function text(doc: Y.Doc): string {
  return doc.getText('notes').toString()
}

describe('tokens on the sync connection', () => {
  it.each([
    [
      'a tampered token',
      () => `${amal.token.slice(0, -4)}AAAA`,
      'This sign-in is not valid on this server: join the seminar again with its link.',
    ],
    [
      'no token at all',
      () => '',
      'This sign-in is not valid on this server: join the seminar again with its link.',
    ],
    [
      'a token of another seminar',
      async () => (await h.createSeminar()).instructorToken,
      'This sign-in is for another seminar.',
    ],
  ])('refuses %s', async (_, token, reason) => {
    const client = h.connect(notebook(), await token())
    expect(await client.outcome).toEqual({ ok: false, reason })
    expect(client.doc.share.size).toBe(0)
    client.destroy()
  })

  it('refuses an expired token', async () => {
    h.clock.advance((MEMBER_TOKEN_LIFETIME_SECONDS + 60) * 1000)
    try {
      const client = h.connect(notebook(), amal.token)
      expect(await client.outcome).toEqual({
        ok: false,
        reason: 'Your sign-in to this seminar has expired: join it again with its link.',
      })
      client.destroy()
    } finally {
      h.clock.advance(-(MEMBER_TOKEN_LIFETIME_SECONDS + 60) * 1000)
    }
  })

  it.each([
    [
      'a malformed name',
      'notebook',
      'There is no such document: the name is not a seminar document.',
    ],
    [
      'an unknown kind',
      `seminar:${'s'}:secrets`,
      'There is no such document: the name is not a seminar document.',
    ],
    [
      'a seminar that does not exist',
      'seminar:nowhere:notebook',
      'This sign-in is for another seminar.',
    ],
  ])('refuses %s', async (_, name, reason) => {
    const client = h.connect(name, amal.token)
    expect(await client.outcome).toEqual({ ok: false, reason })
    client.destroy()
  })
})

describe('a notebook shared by two members', () => {
  it('converges after concurrent edits, and the store holds the merged text', async () => {
    const a = await connected(notebook(), amal.token)
    const b = await connected(notebook(), basma.token)
    a.doc.getText('notes').insert(0, 'أمل: الدبلوماسية الدفاعية. ')
    b.doc.getText('notes').insert(0, 'Basma: defence attaché. ')
    for (let i = 0; i < 20; i++) {
      a.doc.getText('notes').insert(i % 5, `${i}`)
      b.doc.getText('notes').insert(b.doc.getText('notes').length, `·${i}`)
    }
    await Promise.all([a.acknowledged(), b.acknowledged()])
    await eventually(() => text(a.doc) === text(b.doc), 5000, 'the two notebooks to converge')
    expect(text(a.doc)).toContain('أمل: الدبلوماسية الدفاعية.')
    expect(text(a.doc)).toContain('Basma: defence attaché.')
    expect(text(h.stored(notebook()))).toBe(text(a.doc))
    a.destroy()
    b.destroy()
  })
})

describe('removing a member', () => {
  it('closes their connections at once, and their token is refused from then on', async () => {
    const leaving = await h.join(seminar, 'Leaving')
    const onNotebook = await connected(notebook(), leaving.token)
    const onOwn = await connected(classDoc(leaving.userId), leaving.token)
    const observer = await connected(notebook(), basma.token)
    const closed = onNotebook.nextClose()
    const refusedAgain = onNotebook.nextAuthenticationFailure()

    const answer = await h.api(`/api/seminars/${seminar.seminarId}/members/${leaving.userId}`, {
      method: 'DELETE',
      token: seminar.instructorToken,
    })
    expect(answer.status).toBe(200)
    expect(await closed).toEqual({ code: 4403, reason: 'You were removed from this seminar.' })
    // The client reconnects by itself, and is turned away.
    expect(await refusedAgain).toBe('You are no longer a member of this seminar.')

    // Nothing it does now reaches anyone.
    onOwn.doc.getMap('probe').set('after', 'removal')
    onNotebook.doc.getText('notes').insert(0, 'after removal ')
    const fresh = h.connect(notebook(), leaving.token)
    expect(await fresh.outcome).toEqual({
      ok: false,
      reason: 'You are no longer a member of this seminar.',
    })
    observer.doc.getText('notes').insert(0, 'still here ')
    await observer.acknowledged()
    expect(text(h.stored(notebook()))).not.toContain('after removal')
    expect(h.stored(classDoc(leaving.userId)).getMap('probe').has('after')).toBe(false)
    for (const client of [onNotebook, onOwn, observer, fresh]) client.destroy()
  })
})

describe('awareness', () => {
  it('is stamped with who the connection is, whatever the client claims', async () => {
    const watcher = await connected(notebook(), seminar.instructorToken)
    const liar = await connected(notebook(), amal.token)
    liar.provider.setAwarenessField('user', {
      userId: 'someone-else',
      name: 'The Instructor',
      role: 'instructor',
      color: '#000000',
    })
    liar.provider.setAwarenessField('cursor', { at: 12 })
    const liarId = liar.doc.clientID
    await eventually(
      () => watcher.provider.awareness?.getStates().get(liarId)?.['cursor'] !== undefined,
      5000,
      'the watcher to see the cursor',
    )
    const seen = watcher.provider.awareness?.getStates().get(liarId)
    expect(AwarenessUser.parse(seen?.['user'])).toEqual({
      userId: amal.userId,
      name: 'Amal',
      role: 'student',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    })
    watcher.destroy()
    liar.destroy()
  })

  it("drops states for another connection's client id", async () => {
    const watcher = await connected(notebook(), seminar.instructorToken)
    const victim = await connected(notebook(), basma.token)
    victim.provider.setAwarenessField('cursor', { at: 1 })
    await eventually(() => cursorOf(watcher, victim.doc.clientID) === 1)
    // Awareness under the victim's client id, with a higher clock: without the server's check its
    // state would replace the victim's everywhere.
    const impostorDoc = new Y.Doc()
    impostorDoc.clientID = victim.doc.clientID
    const impostor = await connected(notebook(), amal.token, { doc: impostorDoc })
    for (let at = 100; at < 120; at++) impostor.provider.setAwarenessField('cursor', { at })
    // Its connection handles messages in order: once this handshake is acknowledged, so are those.
    // (A handshake, not an edit: an edit under the victim's id would make the victim's Yjs pick
    // a new id.)
    impostor.provider.forceSync()
    await impostor.acknowledged()
    victim.provider.setAwarenessField('cursor', { at: 2 })
    await eventually(
      () => cursorOf(watcher, victim.doc.clientID) === 2,
      5000,
      "the watcher to see the victim's own cursor",
    )
    const seen = watcher.provider.awareness?.getStates().get(victim.doc.clientID)
    expect(AwarenessUser.parse(seen?.['user']).name).toBe('Basma')
    for (const client of [watcher, victim, impostor]) client.destroy()
  })
})

describe('limits on what a client sends', () => {
  it('closes a connection that sends an oversized message, and only that one', async () => {
    const big = await connected(notebook(), amal.token)
    const other = await connected(notebook(), basma.token)
    const watcher = await connected(notebook(), seminar.instructorToken)
    const closed = big.nextClose()
    big.doc.getText('notes').insert(0, 'x'.repeat(MAX_SYNC_MESSAGE_BYTES + 1024))
    expect((await closed).code).toBe(1009)
    big.destroy()

    other.doc.getText('notes').insert(0, 'small and fine ')
    await other.acknowledged()
    await eventually(() => text(watcher.doc).includes('small and fine'))
    expect(text(h.stored(notebook()))).toContain('small and fine')
    expect(text(h.stored(notebook())).length).toBeLessThan(MAX_SYNC_MESSAGE_BYTES)
    other.destroy()
    watcher.destroy()
  })

  it('closes a connection that sends too many messages, and only that one', async () => {
    const limited = await SeminarHarness.start({ messageRate: { burst: 20, perSecond: 1 } })
    try {
      const created = await limited.createSeminar()
      const student = await limited.join(created, 'Chatty')
      const name = `seminar:${created.seminarId}:notebook`
      const chatty = limited.connect(name, student.token)
      await chatty.synced()
      const calm = limited.connect(name, created.instructorToken)
      await calm.synced()
      const closed = chatty.nextClose()
      for (let i = 0; i < 40; i++) chatty.doc.getText('notes').insert(0, `${i} `)
      expect(await closed).toEqual({
        code: 4429,
        reason: 'Too many messages: the server closed this connection.',
      })
      chatty.destroy()
      calm.doc.getText('notes').insert(0, 'calm ')
      await calm.acknowledged()
      expect(text(limited.stored(name))).toContain('calm')
    } finally {
      await limited.close()
    }
  })

  it('survives garbage and text frames, closing only their sockets', async () => {
    const watcher = await connected(notebook(), seminar.instructorToken)
    const garbage = new WebSocket(h.syncUrl)
    const textual = new WebSocket(h.syncUrl)
    const closeOf = (ws: WebSocket) =>
      new Promise<number>((resolve) => ws.addEventListener('close', (event) => resolve(event.code)))
    const garbageClosed = closeOf(garbage)
    const textClosed = closeOf(textual)
    await Promise.all(
      [garbage, textual].map(
        (ws) => new Promise((resolve) => ws.addEventListener('open', resolve)),
      ),
    )
    garbage.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))
    textual.send('hello')
    expect(await textClosed).toBe(1003)
    expect(await garbageClosed).toBeGreaterThanOrEqual(1000)

    const writer = await connected(notebook(), amal.token)
    writer.doc.getText('notes').insert(0, 'after garbage ')
    await eventually(() => text(watcher.doc).includes('after garbage'))
    watcher.destroy()
    writer.destroy()
  })

  it('refuses an upgrade addressed to another host name (DNS rebinding)', async () => {
    expect(await upgradeStatus('/sync', 'rebound.example')).toBe(403)
  })

  it('answers upgrades on other paths with 404', async () => {
    expect(await upgradeStatus('/sync-not', '127.0.0.1')).toBe(404)
    expect(await upgradeStatus('/api/health', '127.0.0.1')).toBe(404)
  })
})

/** The HTTP status a WebSocket upgrade request gets (101 when it is upgraded). */
function upgradeStatus(path: string, hostName: string): Promise<number> {
  const port = Number(new URL(h.url).port)
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      headers: {
        host: `${hostName}:${port}`,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    })
    req.on('response', (res) => resolve(res.statusCode ?? 0))
    req.on('upgrade', (_res, socket) => {
      socket.destroy()
      resolve(101)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('closing a seminar', () => {
  it('turns open connections read-only and opens new ones read-only', async () => {
    const created = await h.createSeminar()
    const student = await h.join(created, 'Farah')
    const name = `seminar:${created.seminarId}:notebook`
    const writer = h.connect(name, student.token)
    expect(await writer.outcome).toEqual({ ok: true, scope: 'read-write' })
    await writer.synced()
    writer.doc.getText('notes').insert(0, 'before closing ')
    await writer.acknowledged()

    const answer = await h.api(`/api/seminars/${created.seminarId}/close`, {
      method: 'POST',
      token: created.instructorToken,
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ seminarId: created.seminarId, closedAt: expect.any(String) })

    const refused = writer.nextRefusedChange()
    writer.doc.getText('notes').insert(0, 'after closing ')
    await refused
    expect(text(h.stored(name))).toBe('before closing ')

    const late = h.connect(name, created.instructorToken)
    expect(await late.outcome).toEqual({ ok: true, scope: 'readonly' })
    await late.synced()
    expect(text(late.doc)).toBe('before closing ')
    const join = await h.api(`/api/seminars/${created.seminarId}/join`, {
      body: { code: created.joinCode, name: 'Too late' },
    })
    expect(join.status).toBe(403)
    expect(join.body.error).toBe('This seminar is closed: it takes no new members.')
    writer.destroy()
    late.destroy()
  })
})

describe('a restart', () => {
  it('keeps every acknowledged change, and tokens issued before it still work', async () => {
    const server = await SeminarHarness.start()
    try {
      const created = await server.createSeminar()
      const student = await server.join(created, 'Ghada')
      const name = `seminar:${created.seminarId}:user:${student.userId}:class`
      const writer = server.connect(name, student.token)
      await writer.synced()
      for (let i = 0; i < 30; i++)
        writer.doc.getMap('annotations').set(`a${i}`, { body: `note ${i}` })
      await writer.acknowledged()

      await server.restart()

      const reader = server.connect(name, created.instructorToken)
      expect(await reader.outcome).toEqual({ ok: true, scope: 'readonly' })
      await reader.synced()
      expect(reader.doc.getMap('annotations').size).toBe(30)
      // The writer reconnects to the new server by itself and carries on.
      writer.doc.getMap('annotations').set('after', { body: 'after the restart' })
      await eventually(() => reader.doc.getMap('annotations').has('after'), 10_000, 'the reconnect')
      expect(server.stored(name).getMap('annotations').size).toBe(31)
    } finally {
      await server.close()
    }
  })
})
