import { describe, expect, it } from 'vitest'
import { sampleArticle } from '../article/sample-article'
import { MemberTokenClaims } from './member-token-claims'
import { CreateSeminarRequest, JoinSeminarRequest, seminarApiPath } from './seminar-api'

describe('seminar API schemas', () => {
  it('accepts a seminar with or without its own article, and trims the title', () => {
    expect(CreateSeminarRequest.parse({ title: '  Week 3 ' })).toEqual({ title: 'Week 3' })
    const article = sampleArticle()
    expect(CreateSeminarRequest.parse({ title: 'x', article }).article).toEqual(article)
  })

  it.each([
    [{}, 'A seminar title must be text.'],
    [{ title: '  ' }, 'Give the seminar a title.'],
    [{ title: 'x'.repeat(201) }, 'A seminar title may be at most 200 characters long.'],
  ])('refuses the seminar %j', (body, message) => {
    expect(CreateSeminarRequest.safeParse(body).error?.issues[0]?.message).toBe(message)
  })

  it('checks the name of whoever joins', () => {
    expect(JoinSeminarRequest.parse({ code: 'ABCD', name: ' Hanan ' }).name).toBe('Hanan')
    expect(JoinSeminarRequest.safeParse({ code: 'ABCD', name: 'a\nb' }).success).toBe(false)
  })

  it('builds the paths a client calls', () => {
    expect(seminarApiPath.member('s1', 'u1')).toBe('/api/seminars/s1/members/u1')
    expect(seminarApiPath.joinCode('s1')).toBe('/api/seminars/s1/join-code')
  })
})

describe('MemberTokenClaims', () => {
  const claims = {
    sid: 's1',
    sub: 'u-1',
    role: 'student',
    name: 'Hanan',
    jti: 't1',
    iat: 1,
    exp: 2,
  }

  it('accepts the claims the server issues', () => {
    expect(MemberTokenClaims.parse(claims)).toEqual(claims)
  })

  it.each([{ sid: 'S:1' }, { sub: 'a:b' }, { role: 'admin' }, { jti: '' }, { exp: undefined }])(
    'refuses claims with %j',
    (change) => {
      expect(MemberTokenClaims.safeParse({ ...claims, ...change }).success).toBe(false)
    },
  )
})
