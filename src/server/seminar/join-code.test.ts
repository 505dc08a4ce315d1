import { describe, expect, it } from 'vitest'
import { hashJoinCode, joinCodeMatches, newJoinCode, normalizeJoinCode } from './join-code'

describe('join codes', () => {
  it('are two groups of four characters without look-alikes', () => {
    const codes = Array.from({ length: 200 }, newJoinCode)
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('match however they are typed, and only themselves', () => {
    const hash = hashJoinCode('ABCD-EFGH')
    expect(hash).not.toContain('ABCD')
    for (const typed of ['ABCD-EFGH', 'abcd efgh', ' abcdefgh ', 'AbCd-eFgH', 'ABCD--EFGH']) {
      expect(joinCodeMatches(typed, hash)).toBe(true)
    }
    for (const typed of ['ABCD-EFGX', 'ABCDEFG', '', 'ABCDEFGHJ']) {
      expect(joinCodeMatches(typed, hash)).toBe(false)
    }
    expect(normalizeJoinCode('ab-c d')).toBe('ABCD')
  })
})
