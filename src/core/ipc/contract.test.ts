import { describe, expect, it } from 'vitest'
import { sampleArticle } from '../article/sample-article'
import {
  MAX_SAVE_TEXT_BYTES,
  ipcChannels,
  ipcContract,
  isIpcChannel,
  plainFileNameProblem,
  utf8ByteLength,
} from './contract'

const saveRequest = ipcContract['file:save-text'].request

const article = sampleArticle()

describe('ipc contract', () => {
  it('has exactly one channel per Platform method', () => {
    expect(ipcChannels.sort()).toEqual([
      'app:info',
      'article:open',
      'article:startup',
      'file:save-text',
    ])
    expect(isIpcChannel('app:info')).toBe(true)
    expect(isIpcChannel('toString')).toBe(false)
    expect(isIpcChannel('shell:exec')).toBe(false)
  })

  it('takes no argument on the argument-less channels', () => {
    expect(ipcContract['app:info'].request.safeParse(undefined).success).toBe(true)
    expect(ipcContract['article:open'].request.safeParse({}).success).toBe(false)
    expect(ipcContract['article:startup'].request.safeParse('/etc/passwd').success).toBe(false)
  })

  it('accepts a plain save request', () => {
    const request = {
      suggestedName: 'ملاحظاتي.md',
      mimeType: 'text/markdown;charset=utf-8',
      text: '# نص',
    }
    expect(saveRequest.parse(request)).toEqual(request)
  })

  it.each([
    ['a forward slash', '../notes.md'],
    ['a nested path', 'notes/notes.md'],
    ['an absolute path', '/etc/passwd'],
    ['a backslash', '..\\..\\notes.md'],
    ['a Windows absolute path', 'C:\\Users\\notes.md'],
    ['a dot-dot', '..'],
    ['a dot-dot inside', 'notes..md'],
    ['a single dot', '.'],
    ['NUL', 'notes\0.md'],
    ['a newline', 'notes\n.md'],
    ['a C1 control', 'notes\u0085.md'],
    ['nothing', ''],
    ['only spaces', '   '],
    ['256 characters', `${'a'.repeat(253)}.md`],
  ])('refuses a suggested name with %s', (_case, suggestedName) => {
    const result = saveRequest.safeParse({ suggestedName, mimeType: 'text/plain', text: 'x' })
    expect(result.success).toBe(false)
  })

  it('accepts a 255-character name', () => {
    expect(plainFileNameProblem(`${'a'.repeat(252)}.md`)).toBeNull()
  })

  it('refuses extra fields, a missing field and a malformed MIME type', () => {
    const good = { suggestedName: 'a.md', mimeType: 'text/markdown', text: '' }
    expect(saveRequest.safeParse(good).success).toBe(true)
    expect(saveRequest.safeParse({ ...good, directory: '/tmp' }).success).toBe(false)
    expect(saveRequest.safeParse({ suggestedName: 'a.md', text: '' }).success).toBe(false)
    expect(saveRequest.safeParse({ ...good, mimeType: 'markdown' }).success).toBe(false)
    expect(saveRequest.safeParse({ ...good, text: 42 }).success).toBe(false)
  })

  it('caps the text at 50 MB of UTF-8', () => {
    const ascii = 'a'.repeat(MAX_SAVE_TEXT_BYTES)
    expect(
      saveRequest.safeParse({ suggestedName: 'a.txt', mimeType: 'text/plain', text: ascii })
        .success,
    ).toBe(true)
    expect(
      saveRequest.safeParse({ suggestedName: 'a.txt', mimeType: 'text/plain', text: `${ascii}a` })
        .success,
    ).toBe(false)
    // Arabic letters are two bytes each: half as many characters reach the cap.
    const arabic = 'ب'.repeat(MAX_SAVE_TEXT_BYTES / 2 + 1)
    expect(
      saveRequest.safeParse({ suggestedName: 'a.txt', mimeType: 'text/plain', text: arabic })
        .success,
    ).toBe(false)
  })

  it('counts UTF-8 bytes like an encoder does', () => {
    for (const text of ['', 'abc', 'هامش', '٣٤٥', 'a😀b', '\ud800', 'x\udc00y', '€']) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).byteLength)
    }
  })

  it('validates opened articles and saved files in responses', () => {
    const opened = ipcContract['article:open'].response
    expect(opened.safeParse(null).success).toBe(true)
    expect(opened.safeParse({ fileName: 'a.txt', article }).success).toBe(true)
    expect(
      opened.safeParse({
        fileName: 'a.txt',
        article: { ...article, content: { type: 'paragraph' } },
      }).success,
    ).toBe(false)
    expect(opened.safeParse({ fileName: '', article }).success).toBe(false)
    expect(
      ipcContract['file:save-text'].response.safeParse({ location: '/home/r/a.md' }).success,
    ).toBe(true)
    expect(ipcContract['file:save-text'].response.safeParse({ location: '' }).success).toBe(false)
    expect(
      ipcContract['app:info'].response.safeParse({ name: 'Hamish', version: '0.1.0', os: 'linux' })
        .success,
    ).toBe(true)
    expect(ipcContract['app:info'].response.safeParse({ name: 'Hamish' }).success).toBe(false)
  })
})
