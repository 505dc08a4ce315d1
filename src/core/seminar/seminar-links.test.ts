import { describe, expect, it } from 'vitest'
import { instructorLink, joinLink, parseInstructorLink, parseJoinLink } from './seminar-links'

describe('seminar links', () => {
  it('puts the join code in the fragment and parses it back', () => {
    const link = joinLink('http://192.168.1.20:4321/', 'sem-1', 'ABCD-EFGH')
    expect(link).toBe('http://192.168.1.20:4321/join/sem-1#code=ABCD-EFGH')
    expect(parseJoinLink(link)).toEqual({
      server: 'http://192.168.1.20:4321/',
      seminarId: 'sem-1',
      code: 'ABCD-EFGH',
    })
  })

  it('keeps a path prefix (a server behind a reverse proxy) and escapes the secret', () => {
    const token = 'eyJ.a+b/c=='
    const link = instructorLink('https://uni.example/hamish', 'sem-2', token)
    expect(link.startsWith('https://uni.example/hamish/seminar/sem-2#token=')).toBe(true)
    expect(parseInstructorLink(link)).toEqual({
      server: 'https://uni.example/hamish/',
      seminarId: 'sem-2',
      token,
    })
  })

  it('tolerates spaces around a pasted link', () => {
    expect(parseJoinLink('  http://h:1/join/s1#code=X \n')?.code).toBe('X')
  })

  it.each([
    'not a link',
    'ftp://h/join/s1#code=X',
    'http://h/join/s1',
    'http://h/join/s1#code=',
    'http://h/join/S1#code=X',
    'http://h/join/%E0#code=X',
    'http://h/seminar/s1#token=X',
    'http://h/join/s1/extra#code=X',
  ])('refuses %j as a join link', (link) => {
    expect(parseJoinLink(link)).toBeNull()
  })
})
