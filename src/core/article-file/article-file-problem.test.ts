import { describe, expect, it } from 'vitest'
import {
  MAX_ARTICLE_BYTES,
  decodeArticleFile,
  describeArticleFileProblem,
} from './article-file-problem'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('decoding an article file', () => {
  it('decodes Arabic text byte for byte and drops a byte-order mark', () => {
    const text = 'الدبلوماسية ١٢٣ — e-mail a@b.iq'
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
    expect(decodeArticleFile('a.txt', bom)).toEqual({ ok: true, text, format: 'txt' })
  })

  it.each([
    ['a.pdf', utf8('text'), 'unsupported-type'],
    ['a.txt', new Uint8Array([0x61, 0x00, 0x62]), 'binary'],
    ['a.txt', new Uint8Array([0xc3, 0x28]), 'binary'],
    ['a.md', utf8(' \n\t\n'), 'empty'],
    ['a.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61), 'too-large'],
  ])('refuses %s (%s)', (name, bytes, kind) => {
    const result = decodeArticleFile(name, bytes)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problem.kind).toBe(kind)
      expect(describeArticleFileProblem(result.problem)).toMatch(/\.$/)
    }
  })
})
