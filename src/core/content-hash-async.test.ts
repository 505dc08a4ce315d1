import { describe, expect, it } from 'vitest'
import { contentHash } from './content-hash'
import { contentHashAsync } from './content-hash-async'

const TEXTS = ['', 'abc', 'هامش على المقال\u0640 — margin notes, ١٢٣ and 😀', 'x'.repeat(100_000)]

describe('contentHashAsync', () => {
  it('gives the script hash with the platform crypto', async () => {
    for (const text of TEXTS) expect(await contentHashAsync(text)).toBe(contentHash(text))
    expect(await contentHashAsync('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('falls back to the script hash where the page has no crypto.subtle', async () => {
    for (const text of TEXTS) {
      expect(await contentHashAsync(text, null)).toBe(contentHash(text))
    }
  })
})
