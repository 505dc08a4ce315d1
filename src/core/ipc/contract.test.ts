import { describe, expect, it } from 'vitest'
import { sampleArticle } from '../article/sample-article'
import {
  MAX_SAVE_TEXT_BYTES,
  absolutePathProblem,
  ipcChannels,
  ipcEvents,
  ipcContract,
  isIpcChannel,
  plainFileNameProblem,
  utf8ByteLength,
} from './contract'

const saveRequest = ipcContract['file:save-text'].request

const article = sampleArticle()

describe('ipc contract', () => {
  it('has one channel per Platform method and per desktop-shell call, and nothing else', () => {
    expect(ipcChannels.sort()).toEqual([
      'app:info',
      'article:open',
      'article:open-dropped',
      'article:open-recent',
      'article:startup',
      'file:open-text',
      'file:save-bytes',
      'file:save-text',
      'seminar:host',
      'seminar:hosting-status',
      'seminar:stop-hosting',
      'ui:set-language',
    ])
    expect(Object.keys(ipcEvents).sort()).toEqual(['article:import-progress', 'menu:command'])
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

describe('desktop shell channels', () => {
  const language = ipcContract['ui:set-language'].request
  const dropped = ipcContract['article:open-dropped'].request

  it('takes one of the UI languages and nothing else', () => {
    expect(language.safeParse({ language: 'ar' }).success).toBe(true)
    expect(language.safeParse({ language: 'en' }).success).toBe(true)
    for (const bad of [
      { language: 'fr' },
      { language: 'AR' },
      'ar',
      {},
      { language: 'ar', x: 1 },
    ]) {
      expect(language.safeParse(bad).success).toBe(false)
    }
    expect(ipcContract['ui:set-language'].response.safeParse(null).success).toBe(true)
  })

  it.each([
    '/home/r/مقالات/paper.pdf',
    'C:\\Users\\r\\paper.docx',
    'D:/papers/paper.md',
    '\\\\server\\share\\paper.txt',
  ])('accepts the full path %s', (path) => {
    expect(dropped.safeParse({ path }).success).toBe(true)
    expect(ipcContract['article:open-recent'].request.safeParse({ path }).success).toBe(true)
  })

  it.each([
    ['a relative path', 'paper.md', 'is not a full path'],
    ['a dot path', '../paper.md', 'is not a full path'],
    ['a drive-relative path', 'C:paper.md', 'is not a full path'],
    ['nothing', '', 'is empty'],
    ['a NUL byte', '/home/r/a.md\0.txt', 'contains a control character'],
    ['a newline', '/home/r/a\n.md', 'contains a control character'],
    ['4097 characters', `/${'a'.repeat(4096)}`, 'is longer than 4096 characters'],
  ])('refuses %s', (_case, path, problem) => {
    expect(absolutePathProblem(path)).toBe(problem)
    expect(dropped.safeParse({ path }).success).toBe(false)
  })

  it('refuses a path of the wrong type or with company', () => {
    for (const bad of [
      undefined,
      null,
      '/home/r/a.md',
      { path: 42 },
      { path: '/a', recent: true },
    ]) {
      expect(dropped.safeParse(bad).success).toBe(false)
    }
  })

  it('answers an opened article, never null, for dropped and recent files', () => {
    expect(ipcContract['article:open-dropped'].response.safeParse(null).success).toBe(false)
    expect(
      ipcContract['article:open-recent'].response.safeParse({ fileName: 'a.pdf', article }).success,
    ).toBe(true)
  })
})

describe('events from the main process', () => {
  const menu = ipcEvents['menu:command']
  const progress = ipcEvents['article:import-progress']

  it('carries the menu commands the renderer knows', () => {
    for (const command of [
      { command: 'open-article' },
      { command: 'zoom-in' },
      { command: 'toggle-notebook' },
      { command: 'show-keyboard-shortcuts' },
      { command: 'set-language', language: 'ar' },
      { command: 'open-recent-article', path: '/home/r/paper.md' },
    ]) {
      expect(menu.parse(command)).toEqual(command)
    }
  })

  it('refuses unknown commands and commands with the wrong details', () => {
    for (const bad of [
      { command: 'run-shell' },
      { command: 'zoom-in', path: '/etc/passwd' },
      { command: 'set-language' },
      { command: 'set-language', language: 'de' },
      { command: 'open-recent-article', path: 'relative.md' },
      { command: 'open-recent-article' },
      'open-article',
      null,
    ]) {
      expect(menu.safeParse(bad).success).toBe(false)
    }
  })

  it('reports progress as whole pages, never more done than there are', () => {
    expect(progress.safeParse({ fileName: 'a.pdf', done: 0, total: 3 }).success).toBe(true)
    expect(progress.safeParse({ fileName: 'a.pdf', done: 3, total: 3 }).success).toBe(true)
    for (const bad of [
      { fileName: 'a.pdf', done: 4, total: 3 },
      { fileName: 'a.pdf', done: 1.5, total: 3 },
      { fileName: 'a.pdf', done: -1, total: 3 },
      { fileName: 'a.pdf', done: 0, total: 0 },
      { fileName: '', done: 0, total: 1 },
      { done: 0, total: 1 },
    ]) {
      expect(progress.safeParse(bad).success).toBe(false)
    }
  })
})
