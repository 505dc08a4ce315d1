import { createHash, randomInt, timingSafeEqual } from 'node:crypto'

/**
 * Join codes are read aloud and typed: 8 characters from an alphabet without the look-alikes
 * 0/O, 1/I/L, shown as two groups of four. 31^8 ≈ 2^39.6 codes, against a handful of guesses a
 * minute per address.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const LENGTH = 8

export function newJoinCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

/** How a code is compared: case, spaces and dashes as typed do not matter. */
export function normalizeJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '')
}

/** Only this hash is stored: a copy of the database does not hand out the way in. */
export function hashJoinCode(code: string): string {
  return createHash('sha256').update(normalizeJoinCode(code)).digest('hex')
}

export function joinCodeMatches(given: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex')
  const actual = Buffer.from(hashJoinCode(given), 'hex')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
