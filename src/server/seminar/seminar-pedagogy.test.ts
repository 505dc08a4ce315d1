import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annotationEntries } from '../../core/annotations'
import { AwarenessUser } from '../../core/seminar/awareness-user'
import { readRoster } from '../../core/seminar/roster'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../core/seminar/seminar-api'
import { POST_BEFORE_SEEING_REFUSAL } from '../../core/seminar/seminar-settings'
import { SeminarHarness, eventually } from './test-support/seminar-harness'

/*
 * The two pedagogy settings of issue 4, enforced by the server through real connections:
 * "post before you see" refuses classmates' documents until the student has posted, and
 * "anonymous to peers" keeps students' names out of everything other students receive.
 */

let h: SeminarHarness
beforeAll(async () => {
  h = await SeminarHarness.start()
})
afterAll(() => h.close())

const userDoc = (seminar: CreateSeminarResponse, userId: string, scope: string) =>
  `seminar:${seminar.seminarId}:user:${userId}:${scope}`

async function post(seminar: CreateSeminarResponse, member: JoinSeminarResponse, scope: string) {
  const client = h.connect(userDoc(seminar, member.userId, scope), member.token)
  await client.synced()
  client.doc.transact(() => annotationEntries(client.doc).set('a1', '{}'))
  await client.acknowledged()
}

describe('post before you see', () => {
  it("refuses a classmate's annotations until the student has posted for the class or the instructors", async () => {
    const seminar = await h.createSeminar({ settings: { postBeforeSeeing: true } })
    const amal = await h.join(seminar, 'Amal')
    const basma = await h.join(seminar, 'Basma')
    await post(seminar, amal, 'class')

    const early = h.connect(userDoc(seminar, amal.userId, 'class'), basma.token)
    expect(await early.outcome).toEqual({ ok: false, reason: POST_BEFORE_SEEING_REFUSAL })

    // Private notes are not posting.
    await post(seminar, basma, 'private')
    const stillEarly = h.connect(userDoc(seminar, amal.userId, 'class'), basma.token)
    expect(await stillEarly.outcome).toEqual({ ok: false, reason: POST_BEFORE_SEEING_REFUSAL })

    await post(seminar, basma, 'instructor')
    const after = h.connect(userDoc(seminar, amal.userId, 'class'), basma.token)
    expect(await after.outcome).toEqual({ ok: true, scope: 'readonly' })
    await after.synced()
    expect(annotationEntries(after.doc).has('a1')).toBe(true)
  })

  it('never holds back the instructor, or a seminar without the setting', async () => {
    const gated = await h.createSeminar({ settings: { postBeforeSeeing: true } })
    const amal = await h.join(gated, 'Amal')
    const teacher = h.connect(userDoc(gated, amal.userId, 'class'), gated.instructorToken)
    expect(await teacher.outcome).toMatchObject({ ok: true })

    const open = await h.createSeminar()
    const [a, b] = [await h.join(open, 'Amal'), await h.join(open, 'Basma')]
    const peer = h.connect(userDoc(open, a.userId, 'class'), b.token)
    expect(await peer.outcome).toMatchObject({ ok: true })
  })
})

describe('anonymous to peers', () => {
  it("keeps students' names out of the roster and awareness; instructors still get them", async () => {
    const seminar = await h.createSeminar({
      instructorName: 'Dr Huda',
      settings: { anonymousToPeers: true },
    })
    const amal = await h.join(seminar, 'Amal')
    const basma = await h.join(seminar, 'Basma')
    const rosterName = `seminar:${seminar.seminarId}:roster`

    const roster = h.connect(rosterName, basma.token)
    await roster.synced()
    await eventually(() => readRoster(roster.doc).size === 3)
    expect(JSON.stringify(roster.doc.toJSON())).not.toMatch(/Amal|Basma/)
    expect(readRoster(roster.doc).get(amal.userId)).toMatchObject({ name: '', alias: 1 })
    expect(readRoster(roster.doc).get(basma.userId)).toMatchObject({ name: '', alias: 2 })
    expect([...readRoster(roster.doc).values()].map((entry) => entry.name)).toContain('Dr Huda')

    // Amal claims her name in awareness; Basma receives only the server's stamp.
    const article = `seminar:${seminar.seminarId}:article`
    const amalsView = h.connect(article, amal.token)
    await amalsView.synced()
    amalsView.provider.setAwarenessField('user', { userId: amal.userId, name: 'Amal' })
    const basmasView = h.connect(article, basma.token)
    await basmasView.synced()
    const amalSeen = () =>
      [...(basmasView.provider.awareness?.getStates().values() ?? [])]
        .map((state) => AwarenessUser.safeParse(state['user']))
        .find((user) => user.success && user.data.userId === amal.userId)
    await eventually(() => amalSeen() !== undefined)
    expect(amalSeen()?.data).toMatchObject({ name: '', alias: 1 })

    const members = await h.api(`/api/seminars/${seminar.seminarId}/members`, {
      token: seminar.instructorToken,
    })
    expect(JSON.stringify(members.body)).toMatch(/Amal/)
  })
})
