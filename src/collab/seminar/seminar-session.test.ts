import 'fake-indexeddb/auto'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildArticleTextIndex, createAnchor } from '../../core/anchoring'
import type { PMNode } from '../../core/article/article-doc'
import { membershipFromToken } from '../../core/seminar/membership'
import type { CreateSeminarResponse } from '../../core/seminar/seminar-api'
import { SeminarHarness, eventually } from '../../server/seminar/test-support/seminar-harness'
import { pendingChangesInMemory } from './pending-changes'
import { SeminarConnection } from './seminar-connection'
import { openSeminarReading, type SeminarReading } from './seminar-reading'
import { openSeminarSession, type SeminarSession } from './seminar-session'

/*
 * The renderer's sync client against the real seminar server on loopback: real providers over
 * one WebSocket per member (Node's built-in WebSocket, as in a browser), IndexedDB
 * (fake-indexeddb) under every document.
 */

let h: SeminarHarness
beforeAll(async () => {
  h = await SeminarHarness.start()
})
afterAll(() => h.close())

/** Like the device's localStorage: outlives a member's window. */
const pendingChanges = pendingChangesInMemory()

interface Member {
  reading: SeminarReading
  session: SeminarSession
  close(): Promise<void>
}

async function member(token: string): Promise<Member> {
  const membership = membershipFromToken(h.url, token, new Date())
  if (!membership) throw new Error('not a member token')
  const connection = new SeminarConnection(membership, {
    reconnectDelay: { min: 20, max: 100 },
    pendingChanges,
  })
  const reading = await openSeminarReading(connection)
  const session = await openSeminarSession(reading)
  return {
    reading,
    session,
    close: async () => {
      await session.close()
      await reading.close()
    },
  }
}

function highlightFirstWord(m: Member, visibility: 'class' | 'instructors' | 'private') {
  const { fragment, meta } = m.reading
  const index = buildArticleTextIndex(yXmlFragmentToProsemirrorJSON(fragment) as PMNode)
  const anchor = createAnchor({ fragment, index, articleHash: meta.contentHash, from: 3, to: 12 })
  if (!anchor) throw new Error('no anchor')
  return m.session.store.createHighlight({ anchor, visibility })
}

const ids = (m: Member) => m.session.collection.all().map((annotation) => annotation.id)

describe('a seminar member', () => {
  let seminar: CreateSeminarResponse
  beforeAll(async () => {
    seminar = await h.createSeminar({ instructorName: 'Dr Huda' })
  })

  it("gets the server's article and sees classmates' class annotations, never their instructor-only ones", async () => {
    const teacher = await member(seminar.instructorToken)
    const amal = await member((await h.join(seminar, 'Amal')).token)
    const basma = await member((await h.join(seminar, 'Basma')).token)
    expect(amal.reading.meta.article.title).toBe(teacher.reading.meta.article.title)

    const forClass = highlightFirstWord(amal, 'class')
    const forTeacher = highlightFirstWord(amal, 'instructors')
    const forMe = highlightFirstWord(amal, 'private')

    await eventually(() => ids(teacher).includes(forTeacher.id) && ids(basma).includes(forClass.id))
    expect(ids(teacher)).toContain(forClass.id)
    expect(ids(teacher)).not.toContain(forMe.id)
    expect(ids(basma)).not.toContain(forTeacher.id)
    expect(ids(basma)).not.toContain(forMe.id)
    expect(teacher.reading.connection.syncStatus()).toEqual({ state: 'online', unsynced: 0 })
    for (const m of [teacher, amal, basma]) await m.close()
  })

  it('counts changes made offline, keeps them through a reopen, and sends them when the server is back', async () => {
    const teacher = await member(seminar.instructorToken)
    const token = (await h.join(seminar, 'Intisar')).token
    let intisar = await member(token)
    await eventually(() => intisar.reading.connection.syncStatus().state === 'online')

    await h.pause()
    await eventually(() => intisar.reading.connection.syncStatus().state === 'offline')
    const offline = highlightFirstWord(intisar, 'class')
    expect(intisar.reading.connection.syncStatus().unsynced).toBeGreaterThan(0)

    // Reopened while the server is still down: the work is there and still counted.
    await intisar.close()
    intisar = await member(token)
    expect(ids(intisar)).toContain(offline.id)
    expect(intisar.reading.connection.syncStatus().unsynced).toBeGreaterThan(0)

    await h.resume()
    await eventually(() => ids(teacher).includes(offline.id), 15_000)
    await eventually(() => intisar.reading.connection.syncStatus().unsynced === 0, 15_000)
    await intisar.close()
    await teacher.close()
  })
})

describe('the network going and coming back', () => {
  it('reconnects even when the network returns while the old socket is still closing', async () => {
    const seminar = await h.createSeminar()
    const amal = await member((await h.join(seminar, 'Amal')).token)
    const { connection } = amal.reading
    await eventually(() => connection.syncStatus().state === 'online')
    for (let flap = 0; flap < 3; flap++) {
      connection.setNetworkAvailable(false)
      connection.setNetworkAvailable(true)
    }
    await eventually(() => connection.syncStatus().state === 'online', 15_000)
    connection.setNetworkAvailable(false)
    await eventually(() => connection.syncStatus().state === 'offline')
    const offline = highlightFirstWord(amal, 'class')
    connection.setNetworkAvailable(true)
    await eventually(() => connection.syncStatus().unsynced === 0, 15_000)
    expect(ids(amal)).toContain(offline.id)
    await amal.close()
  })
})

describe('a member the instructor removes', () => {
  it('is told why the server closed the connection, and is not let back in', async () => {
    const seminar = await h.createSeminar()
    const joined = await h.join(seminar, 'Amal')
    const amal = await member(joined.token)
    const { connection } = amal.reading
    await eventually(() => connection.syncStatus().state === 'online')
    const removed = await h.api(`/api/seminars/${seminar.seminarId}/members/${joined.userId}`, {
      method: 'DELETE',
      token: seminar.instructorToken,
    })
    expect(removed.status).toBe(200)
    await eventually(() => connection.problem()?.code === 4403)
    expect(connection.syncStatus().state).not.toBe('online')
    await amal.close()
  })
})

describe('post before you see', () => {
  it("shows a student the class's annotations once they have posted, without reopening anything", async () => {
    const seminar = await h.createSeminar({ settings: { postBeforeSeeing: true } })
    const amal = await member((await h.join(seminar, 'Amal')).token)
    const basma = await member((await h.join(seminar, 'Basma')).token)
    const amals = highlightFirstWord(amal, 'class')
    await eventually(() => basma.session.peers.awaitingPost())
    expect(ids(basma)).not.toContain(amals.id)

    highlightFirstWord(basma, 'class')
    await eventually(() => ids(basma).includes(amals.id))
    // Every classmate's document is asked for again, the instructor's too.
    await eventually(() => !basma.session.peers.awaitingPost())
    await amal.close()
    await basma.close()
  })
})
