import { request } from 'node:http'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { articlePlainText } from '../../core/article'
import { sampleArticle } from '../../core/article/sample-article'
import { contentHash } from '../../core/content-hash'
import { MemberTokenClaims } from '../../core/seminar/member-token-claims'
import { readRoster } from '../../core/seminar/roster'
import {
  CreateSeminarResponse,
  JoinSeminarResponse,
  ListMembersResponse,
} from '../../core/seminar/seminar-api'
import { parseInstructorLink, parseJoinLink } from '../../core/seminar/seminar-links'
import { MEMBER_TOKEN_LIFETIME_SECONDS } from './member-tokens'
import { SeminarHarness } from './test-support/seminar-harness'

let h: SeminarHarness

beforeAll(async () => {
  h = await SeminarHarness.start()
})

afterAll(() => h.close())

function roster(seminarId: string) {
  return readRoster(h.stored(`seminar:${seminarId}:roster`))
}

describe('POST /api/seminars', () => {
  it('opens a seminar on the default article, seeded once on the server, with its instructor', async () => {
    const answer = await h.api('/api/seminars', {
      body: { title: ' Week 3 ', instructorName: 'Dr. Hanan' },
    })
    expect(answer.status).toBe(201)
    const created = CreateSeminarResponse.parse(answer.body)
    expect(parseJoinLink(created.joinUrl)).toEqual({
      server: h.url,
      seminarId: created.seminarId,
      code: created.joinCode,
    })
    expect(parseInstructorLink(created.instructorUrl)?.token).toBe(created.instructorToken)

    const article = h.stored(`seminar:${created.seminarId}:article`)
    expect(article.getXmlFragment('content').length).toBe(1)
    expect(article.getMap('meta').get('contentHash')).toBe(
      contentHash(articlePlainText(sampleArticle().content)),
    )
    const claims = MemberTokenClaims.parse(decodeJwt(created.instructorToken))
    expect(claims).toMatchObject({ sid: created.seminarId, role: 'instructor', name: 'Dr. Hanan' })
    expect(claims.exp - claims.iat).toBe(MEMBER_TOKEN_LIFETIME_SECONDS)
    expect([...roster(created.seminarId)]).toEqual([
      [claims.sub, expect.objectContaining({ name: 'Dr. Hanan', role: 'instructor' })],
    ])
  })

  it('opens a seminar on the article it is given', async () => {
    const article = sampleArticle([
      { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'Other' }] },
    ])
    const created = await h.createSeminar({ article })
    const stored = h.stored(`seminar:${created.seminarId}:article`)
    expect((stored.getXmlFragment('content').get(0) as Y.XmlElement).toString()).toBe(
      '<paragraph dir="ltr">Other</paragraph>',
    )
  })

  it.each([
    [{ title: '' }, 400, 'Give the seminar a title. (title)'],
    [{}, 400, 'A seminar title must be text. (title)'],
    [
      { title: 'x', instructorName: 'a\u0000b' },
      400,
      expect.stringContaining('control characters'),
    ],
    [
      { title: 'x', article: sampleArticle([{ type: 'image', attrs: { src: 'x' } }]) },
      400,
      'This article cannot be used: the article has a "image" node, which Hamish cannot show.',
    ],
    ['{"title":', 400, 'The request body is not valid JSON.'],
  ])('refuses the body %j', async (body, status, error) => {
    const answer = await h.api('/api/seminars', { body })
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual({ error })
  })

  it('reads only JSON', async () => {
    const answer = await h.api('/api/seminars', {
      body: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(answer.status).toBe(415)
    expect(answer.body.error).toBe(
      'Send the request body as JSON, with Content-Type: application/json.',
    )
  })

  it('refuses a body over 25 MB without reading it all', async () => {
    const answer = await h.api('/api/seminars', {
      body: JSON.stringify({ title: 'x', padding: 'x'.repeat(25 * 1024 * 1024) }),
    })
    expect(answer.status).toBe(413)
    expect(answer.body.error).toBe('The request body is too large: the limit here is 25 MB.')
  })

  it('refuses a web page the host visits (another Origin, or a cross-site fetch)', async () => {
    const crossSite: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of crossSite) {
      const answer = await h.api('/api/seminars', { body: { title: 'x' }, headers })
      expect(answer.status).toBe(403)
      expect(answer.body.error).toMatch(/^Only the computer running the server may create seminars/)
    }
    const sameOrigin = await h.api('/api/seminars', {
      body: { title: 'x' },
      headers: { origin: h.url.slice(0, -1) },
    })
    expect(sameOrigin.status).toBe(201)
  })

  it('takes the admin token, and refuses a wrong one even from this computer', async () => {
    const withToken = await h.api('/api/seminars', {
      body: { title: 'x' },
      token: h.seminars.adminToken,
      headers: { origin: 'https://elsewhere.example' },
    })
    expect(withToken.status).toBe(201)
    const wrong = await h.api('/api/seminars', { body: { title: 'x' }, token: 'guess' })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer')
    expect(wrong.body.error).toBe('That is not the admin token of this server.')
  })
})

describe('creating seminars on a server listening on every network', () => {
  it('refuses a loopback request naming another host (DNS rebinding)', async () => {
    const open = await SeminarHarness.start({}, '0.0.0.0')
    try {
      const port = new URL(open.url).port
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/seminars',
            method: 'POST',
            headers: { host: `rebound.example:${port}`, 'content-type': 'application/json' },
          },
          (res) => {
            let body = ''
            res.on('data', (chunk: Buffer) => (body += chunk.toString()))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          },
        )
        req.on('error', reject)
        req.end(JSON.stringify({ title: 'x' }))
      })
      expect(answer.status).toBe(403)
      expect(JSON.parse(answer.body).error).toMatch(/^Only the computer running the server/)
    } finally {
      await open.close()
    }
  })
})

describe('POST /api/seminars/:id/join', () => {
  let seminar: CreateSeminarResponse

  beforeAll(async () => {
    seminar = await h.createSeminar()
  })

  it('makes a member with a signed token and puts them on the roster', async () => {
    const answer = await h.api(`/api/seminars/${seminar.seminarId}/join`, {
      body: { code: seminar.joinCode.toLowerCase().replace('-', ' '), name: '  أمل  ' },
    })
    expect(answer.status).toBe(200)
    const joined = JoinSeminarResponse.parse(answer.body)
    expect(joined.role).toBe('student')
    expect(MemberTokenClaims.parse(decodeJwt(joined.token))).toMatchObject({
      sid: seminar.seminarId,
      sub: joined.userId,
      role: 'student',
      name: 'أمل',
    })
    expect(roster(seminar.seminarId).get(joined.userId)).toMatchObject({
      name: 'أمل',
      role: 'student',
    })
  })

  it.each([
    ['Amal\u0007', expect.stringContaining('control characters')],
    ['A\nB', expect.stringContaining('control characters')],
    ['\u202Eevil', expect.stringContaining('direction overrides')],
    ['x'.repeat(10_000), 'A name may be at most 80 characters long. (name)'],
    ['   ', 'Enter a name: it cannot be empty. (name)'],
  ])('refuses the name %j, adding no one', async (name, error) => {
    const before = roster(seminar.seminarId).size
    const answer = await h.api(`/api/seminars/${seminar.seminarId}/join`, {
      body: { code: seminar.joinCode, name },
    })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ error })
    expect(roster(seminar.seminarId).size).toBe(before)
  })

  it('limits wrong codes per address: 10 a minute, then 429 with Retry-After, right code or not', async () => {
    const other = await h.createSeminar()
    const join = (code: string, seminarId = other.seminarId) =>
      h.api(`/api/seminars/${seminarId}/join`, { body: { code, name: 'Guesser' } })
    for (let i = 0; i < 10; i++) {
      const wrong = await join(`WRNG-${i}000`)
      expect(wrong.status).toBe(403)
      expect(wrong.body.error).toMatch(/^That join code does not open this seminar/)
    }
    // A seminar that does not exist costs a guess too, and reads the same.
    const limited = await join(other.joinCode)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('6')
    expect(limited.body.error).toBe(
      'Too many wrong join codes from this address: try again in 6 seconds.',
    )
    h.clock.advance(6_000)
    expect((await join(other.joinCode)).status).toBe(200)
    expect((await join('NOPE-NOPE', 'no-such-seminar')).status).toBe(403)
    expect((await join(other.joinCode)).status).toBe(429)
    h.clock.advance(60_000)
  })
})

describe('instructor endpoints', () => {
  let seminar: CreateSeminarResponse
  let student: JoinSeminarResponse

  beforeAll(async () => {
    seminar = await h.createSeminar()
    student = await h.join(seminar, 'Dalia')
  })

  const path = (rest: string) => `/api/seminars/${seminar.seminarId}${rest}`

  it('lists the members for the instructor only', async () => {
    const answer = await h.api(path('/members'), { token: seminar.instructorToken })
    expect(answer.status).toBe(200)
    const { members } = ListMembersResponse.parse(answer.body)
    expect(members.map((member) => [member.name, member.role, member.revokedAt])).toEqual([
      ['Instructor', 'instructor', null],
      ['Dalia', 'student', null],
    ])

    const anonymous = await h.api(path('/members'))
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer')
    const asStudent = await h.api(path('/members'), { token: student.token })
    expect(asStudent.status).toBe(403)
    expect(asStudent.body.error).toBe("Only the seminar's instructors may do this.")
    const elsewhere = await h.createSeminar()
    const otherInstructor = await h.api(path('/members'), { token: elsewhere.instructorToken })
    expect(otherInstructor.status).toBe(403)
    expect(otherInstructor.body.error).toBe('This sign-in is for another seminar.')
  })

  it('refuses a tampered token and an expired one', async () => {
    const [header, , signature] = student.token.split('.')
    const claims = { ...decodeJwt(student.token), role: 'instructor' }
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
    const tampered = await h.api(path('/members'), { token: forged })
    expect(tampered.status).toBe(401)
    expect(tampered.body.error).toBe(
      'This sign-in is not valid on this server: join the seminar again with its link.',
    )

    h.clock.advance((MEMBER_TOKEN_LIFETIME_SECONDS + 1) * 1000)
    try {
      const expired = await h.api(path('/members'), { token: seminar.instructorToken })
      expect(expired.status).toBe(401)
      expect(expired.body.error).toBe(
        'Your sign-in to this seminar has expired: join it again with its link.',
      )
    } finally {
      h.clock.advance(-(MEMBER_TOKEN_LIFETIME_SECONDS + 1) * 1000)
    }
  })

  it('rotates the join code: the old one stops working', async () => {
    const answer = await h.api(path('/join-code'), {
      method: 'POST',
      token: seminar.instructorToken,
    })
    expect(answer.status).toBe(200)
    expect(answer.body.joinCode).not.toBe(seminar.joinCode)
    expect(parseJoinLink(answer.body.joinUrl)?.code).toBe(answer.body.joinCode)
    const old = await h.api(path('/join'), { body: { code: seminar.joinCode, name: 'Late' } })
    expect(old.status).toBe(403)
    const fresh = await h.api(path('/join'), { body: { code: answer.body.joinCode, name: 'Late' } })
    expect(fresh.status).toBe(200)
  })

  it('removes a member, not themselves and not a stranger', async () => {
    const self = await h.api(path(`/members/${decodeJwt(seminar.instructorToken).sub}`), {
      method: 'DELETE',
      token: seminar.instructorToken,
    })
    expect(self.status).toBe(400)
    expect(self.body.error).toBe('You cannot remove yourself from your own seminar.')
    const stranger = await h.api(path('/members/nobody'), {
      method: 'DELETE',
      token: seminar.instructorToken,
    })
    expect(stranger.status).toBe(404)

    const removed = await h.api(path(`/members/${student.userId}`), {
      method: 'DELETE',
      token: seminar.instructorToken,
    })
    expect(removed.status).toBe(200)
    expect(removed.body).toEqual({ userId: student.userId, revokedAt: expect.any(String) })
    expect(roster(seminar.seminarId).has(student.userId)).toBe(false)
    const members = ListMembersResponse.parse(
      (await h.api(path('/members'), { token: seminar.instructorToken })).body,
    ).members
    expect(members.find((member) => member.userId === student.userId)?.revokedAt).toBe(
      removed.body.revokedAt,
    )
  })

  it('answers wrong methods and paths in JSON', async () => {
    const wrongMethod = await h.api(path('/members'), { method: 'POST', body: {} })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('GET')
    for (const wrong of ['/api/seminars/x/y', '/api/seminars/UPPER/join', '/api/seminars/']) {
      const answer = await h.api(wrong, { method: 'POST', body: {} })
      expect(answer.status).toBe(404)
      expect(answer.body).toEqual({ error: `there is no API endpoint ${wrong}.` })
    }
  })
})
