import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { sampleArticle } from '../../src/core/article/sample-article'
import { ipcContract } from '../../src/core/ipc'
import type { HostSeminarRequest, HostedSeminar } from '../../src/core/seminar/seminar-hosting'
import { handleIpcCall, type IpcImplementations } from './ipc-handlers'
import { validateIpcCall, validateIpcResult } from './ipc-validation'

const appPage = 'app://hamish/index.html'
const host: HostSeminarRequest = {
  title: 'الدبلوماسية الدفاعية — الأسبوع الثالث',
  instructorName: 'د. حنان',
  settings: { postBeforeSeeing: true, anonymousToPeers: false },
  article: sampleArticle(),
}
const seminar: HostedSeminar = {
  title: host.title,
  seminarId: '5f0c2a9be41d7730',
  instructorToken: 'eyJ.token.sig',
  joinCode: 'K7WQ-P3MD',
  instructorUrl: 'http://192.0.2.7:4321/seminar/5f0c2a9be41d7730#token=eyJ.token.sig',
  joinUrl: 'http://192.0.2.7:4321/join/5f0c2a9be41d7730#code=K7WQ-P3MD',
}

describe('seminar:host requests', () => {
  it('lets a good request through, with or without a name and port', () => {
    expect(validateIpcCall(ipcContract, 'seminar:host', appPage, host)).toEqual({
      ok: true,
      request: host,
    })
    const nameless = { title: host.title, settings: host.settings, article: host.article }
    expect(validateIpcCall(ipcContract, 'seminar:host', appPage, { ...nameless, port: 0 })).toEqual(
      { ok: true, request: { ...nameless, port: 0 } },
    )
  })

  it('trims the title and the name as the server would', () => {
    const result = validateIpcCall(ipcContract, 'seminar:host', appPage, {
      ...host,
      title: '  Week 3  ',
      instructorName: ' Hanan ',
    })
    expect(result).toMatchObject({
      ok: true,
      request: { title: 'Week 3', instructorName: 'Hanan' },
    })
  })

  it.each([
    ['no payload', undefined],
    ['an empty title', { ...host, title: '   ' }],
    ['a title of 201 characters', { ...host, title: 'x'.repeat(201) }],
    ['a name with a direction override', { ...host, instructorName: 'Hanan\u202e' }],
    ['settings that are not booleans', { ...host, settings: { postBeforeSeeing: 'yes' } }],
    ['no article', { ...host, article: undefined }],
    [
      'an article that is not a doc',
      { ...host, article: { ...host.article, content: { type: 'p' } } },
    ],
    ['a port out of range', { ...host, port: 65_536 }],
    ['a fractional port', { ...host, port: 80.5 }],
    ['an admin token (the desktop app has no use for one)', { ...host, adminToken: 'x' }],
    ['any other field', { ...host, bindTo: '0.0.0.0' }],
  ])('refuses %s', (_, payload) => {
    const result = validateIpcCall(ipcContract, 'seminar:host', appPage, payload)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatch(
        /^Hamish refused an IPC call on "seminar:host" with an invalid request: ./,
      )
    }
  })

  it.each(['seminar:stop-hosting', 'seminar:hosting-status'])('%s takes no argument', (channel) => {
    expect(validateIpcCall(ipcContract, channel, appPage, undefined).ok).toBe(true)
    expect(validateIpcCall(ipcContract, channel, appPage, { force: true }).ok).toBe(false)
  })
})

describe('the hosting channels from foreign senders', () => {
  it.each([
    ['seminar:host', [host]],
    ['seminar:stop-hosting', []],
    ['seminar:hosting-status', []],
  ] as const)('%s never runs for a page that is not the app', async (channel, args) => {
    let ran = false
    const spy = {
      'seminar:host': () => {
        ran = true
        return Promise.resolve({ ok: true, seminar })
      },
      'seminar:stop-hosting': () => {
        ran = true
        return Promise.resolve({ state: 'stopped' })
      },
      'seminar:hosting-status': () => {
        ran = true
        return Promise.resolve({ state: 'stopped' })
      },
    } as unknown as IpcImplementations
    for (const url of ['https://evil.example/', 'http://192.0.2.7:4321/', 'file:///tmp/a.html']) {
      const sender = { senderFrame: { url } } as unknown as Pick<IpcMainInvokeEvent, 'senderFrame'>
      await expect(handleIpcCall(channel, sender, args, spy, () => {})).rejects.toThrow(
        "only the app's own pages may call it",
      )
    }
    expect(ran).toBe(false)
  })
})

describe('hosting answers', () => {
  it('accepts a hosted seminar, a problem, and both statuses', () => {
    expect(validateIpcResult(ipcContract, 'seminar:host', { ok: true, seminar }).ok).toBe(true)
    expect(
      validateIpcResult(ipcContract, 'seminar:host', {
        ok: false,
        problem: { kind: 'port-in-use', port: 4321 },
      }).ok,
    ).toBe(true)
    const hosting = {
      state: 'hosting',
      serverUrl: 'http://192.0.2.7:4321/',
      canStop: true,
      seminars: [seminar],
    }
    expect(validateIpcResult(ipcContract, 'seminar:hosting-status', hosting).ok).toBe(true)
    expect(validateIpcResult(ipcContract, 'seminar:stop-hosting', { state: 'stopped' }).ok).toBe(
      true,
    )
  })

  it('refuses malformed ones', () => {
    for (const bad of [
      { ok: true },
      { ok: true, seminar: { ...seminar, joinUrl: 'not a url' } },
      { ok: false, problem: { kind: 'disk-full' } },
    ]) {
      expect(validateIpcResult(ipcContract, 'seminar:host', bad).ok).toBe(false)
    }
    expect(validateIpcResult(ipcContract, 'seminar:hosting-status', { state: 'hosting' }).ok).toBe(
      false,
    )
  })
})
