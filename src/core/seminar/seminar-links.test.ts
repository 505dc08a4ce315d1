import { describe, expect, it } from 'vitest'
import {
  canonicalLink,
  instructorLink,
  joinLink,
  linkLandingPath,
  parseInstructorLink,
  parseJoinLink,
} from './seminar-links'

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

describe('link landing', () => {
  it('sends a link path to the app page with the seminar in the query, relative to any prefix', () => {
    expect(linkLandingPath('/join/s-1')).toBe('../?join=s-1')
    expect(linkLandingPath('/hamish/seminar/s-1')).toBe('../?seminar=s-1')
    expect(linkLandingPath('/join/')).toBeNull()
    expect(linkLandingPath('/join/..%2F..')).toBeNull()
    expect(linkLandingPath('/assets/join.js')).toBeNull()
  })

  it('reads the landed page back as the original link, secret included', () => {
    const link = joinLink('http://10.0.0.5:4321/', 's-1', 'AB CD')
    const landed = new URL(linkLandingPath(new URL(link).pathname) as string, link)
    landed.hash = new URL(link).hash
    expect(canonicalLink(landed.toString())).toBe(link)
    expect(parseJoinLink(canonicalLink(landed.toString()))).toEqual({
      server: 'http://10.0.0.5:4321/',
      seminarId: 's-1',
      code: 'AB CD',
    })
    expect(canonicalLink('http://10.0.0.5:4321/')).toBe('http://10.0.0.5:4321/')
  })
})
