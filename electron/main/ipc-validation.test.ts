import { describe, expect, it } from 'vitest'
import { sampleArticle } from '../../src/core/article/sample-article'
import { ipcContract } from '../../src/core/ipc'
import { TEXT_FILE_EXTENSIONS } from '../../src/core/platform'
import { singlePayload, validateIpcCall, validateIpcResult } from './ipc-validation'

const appPage = 'app://hamish/index.html'
const FIRST_TEXT_KIND = Object.keys(TEXT_FILE_EXTENSIONS)[0]
const save = { suggestedName: 'notes.md', mimeType: 'text/markdown', text: '# ملاحظات' }

describe('validateIpcCall', () => {
  it('lets a good call from the app through, with the parsed request', () => {
    expect(validateIpcCall(ipcContract, 'app:info', appPage, undefined)).toEqual({
      ok: true,
      request: undefined,
    })
    expect(validateIpcCall(ipcContract, 'file:save-text', `${appPage}#reader`, save)).toEqual({
      ok: true,
      request: save,
    })
  })

  it('refuses a channel outside the contract', () => {
    for (const channel of ['shell:open', 'constructor', '__proto__', '']) {
      const result = validateIpcCall(ipcContract, channel, appPage, undefined)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toContain('unknown channel')
    }
  })

  it('refuses senders that are not the app', () => {
    for (const sender of [
      'https://evil.example/',
      'file:///home/r/page.html',
      'app://other/index.html',
      'app://hamish.evil.example/',
      'data:text/html,hi',
      'about:blank',
      '',
      null,
      undefined,
    ]) {
      const result = validateIpcCall(ipcContract, 'app:info', sender, undefined)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toContain("only the app's own pages")
    }
  })

  it('refuses a foreign sender on every channel, the desktop shell’s included', () => {
    const payloads: Record<string, unknown> = {
      'file:save-text': save,
      'file:save-bytes': {
        suggestedName: 'notes.zip',
        mimeType: 'application/zip',
        bytes: new Uint8Array([80, 75, 5, 6]),
      },
      'file:open-text': { kind: FIRST_TEXT_KIND },
      'ui:set-language': { language: 'ar' },
      'article:open-dropped': { path: '/home/r/a.pdf' },
      'article:open-recent': { path: '/home/r/a.pdf' },
      'seminar:host': {
        title: 'Week 3',
        settings: { postBeforeSeeing: false, anonymousToPeers: false },
        article: sampleArticle(),
      },
    }
    for (const channel of Object.keys(ipcContract)) {
      const payload = payloads[channel]
      expect(validateIpcCall(ipcContract, channel, appPage, payload).ok).toBe(true)
      for (const sender of ['https://evil.example/', 'file:///home/r/a.html', null]) {
        const result = validateIpcCall(ipcContract, channel, sender, payload)
        expect(result.ok).toBe(false)
      }
    }
  })

  it('names the foreign sender by origin only', () => {
    const result = validateIpcCall(
      ipcContract,
      'app:info',
      'https://evil.example/path?token=secret',
      undefined,
    )
    expect(result).toEqual({
      ok: false,
      error:
        'Hamish refused an IPC call on "app:info" from https://evil.example: only the app\'s own pages may call it.',
    })
  })

  it('refuses bad payloads with the reason', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'notes.md',
      { ...save, suggestedName: '../../.bashrc' },
      { ...save, suggestedName: 'C:\\Windows\\notes.md' },
      { ...save, text: undefined },
      { ...save, extra: true },
    ]
    for (const payload of bad) {
      const result = validateIpcCall(ipcContract, 'file:save-text', appPage, payload)
      expect(result.ok).toBe(false)
      if (!result.ok)
        expect(result.error).toMatch(
          /^Hamish refused an IPC call on "file:save-text" with an invalid request: ./,
        )
    }
    const withArgument = validateIpcCall(ipcContract, 'article:open', appPage, {
      path: '/etc/passwd',
    })
    expect(withArgument.ok).toBe(false)
  })

  it('checks the channel before the sender and the sender before the payload', () => {
    const unknown = validateIpcCall(ipcContract, 'nope', 'https://evil.example/', 1)
    expect(!unknown.ok && unknown.error).toContain('unknown channel')
    const foreign = validateIpcCall(ipcContract, 'file:save-text', 'https://evil.example/', 1)
    expect(!foreign.ok && foreign.error).toContain('only the app')
  })
})

describe('validateIpcResult', () => {
  it('accepts what the contract says and refuses the rest', () => {
    expect(validateIpcResult(ipcContract, 'file:save-text', null)).toEqual({
      ok: true,
      response: null,
    })
    expect(
      validateIpcResult(ipcContract, 'app:info', { name: 'Hamish', version: '1', os: 'linux' }).ok,
    ).toBe(true)
    const bad = validateIpcResult(ipcContract, 'app:info', { name: 'Hamish' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toContain('please report this bug')
  })
})

describe('singlePayload', () => {
  it('takes zero or one argument', () => {
    expect(singlePayload([])).toEqual({ ok: true, request: undefined })
    expect(singlePayload([save])).toEqual({ ok: true, request: save })
    expect(singlePayload([save, 'extra']).ok).toBe(false)
  })
})
