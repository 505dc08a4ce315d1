import { describe, expect, it } from 'vitest'
import { sampleArticle } from '../../src/core/article/sample-article'
import type { HostSeminarRequestWithToken } from '../../src/core/platform'
import { browserHosting } from './browser-hosting'

// The real server's answers are exercised end to end by e2e/host.spec.ts; here, its statuses.

const request: HostSeminarRequestWithToken = {
  title: 'Week 3',
  instructorName: 'Hanan',
  settings: { postBeforeSeeing: false, anonymousToPeers: true },
  article: sampleArticle(),
  port: 9,
}

const created = {
  seminarId: '5f0c2a9be41d7730',
  instructorToken: 'eyJ.token.sig',
  joinCode: 'K7WQ-P3MD',
  instructorUrl: 'http://127.0.0.1:4321/seminar/5f0c2a9be41d7730#token=eyJ.token.sig',
  joinUrl: 'http://127.0.0.1:4321/join/5f0c2a9be41d7730#code=K7WQ-P3MD',
}

function server(answer: () => Response) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetchApi: typeof fetch = (input, init) => {
    calls.push({ url: String(input), init: init ?? {} })
    return Promise.resolve(answer())
  }
  return { calls, hosting: browserHosting(fetchApi) }
}

describe('browser hosting', () => {
  it('asks the page’s own server, and reports the seminar it opened', async () => {
    const { calls, hosting } = server(() => Response.json(created, { status: 201 }))
    expect(await hosting.hostingStatus()).toEqual({ state: 'stopped' })
    expect(await hosting.hostSeminar(request)).toEqual({
      ok: true,
      seminar: { ...created, title: 'Week 3' },
    })
    expect(calls[0]?.url).toBe('./api/seminars')
    expect(calls[0]?.init.method).toBe('POST')
    // No port (the server listens where it listens) and no credentials in the body.
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      title: 'Week 3',
      instructorName: 'Hanan',
      settings: request.settings,
      article: request.article,
    })
    expect(calls[0]?.init.headers).not.toHaveProperty('authorization')
    expect(await hosting.hostingStatus()).toEqual({
      state: 'hosting',
      serverUrl: 'http://127.0.0.1:4321/',
      canStop: false,
      seminars: [{ ...created, title: 'Week 3' }],
    })
    await expect(hosting.stopHosting()).rejects.toThrow(/hamish serve/)
  })

  it('sends the admin token, trimmed, as a bearer token', async () => {
    const { calls, hosting } = server(() => Response.json(created, { status: 201 }))
    await hosting.hostSeminar({ ...request, adminToken: '  s3cret  ' })
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer s3cret' })
  })

  it.each([
    ['a wrong admin token', 401, 'bad-admin-token'],
    ['a page on another computer', 403, 'not-allowed'],
    ['a server without the seminar API', 404, 'no-server'],
  ] as const)('words %s as a problem', async (_, status, kind) => {
    const { hosting } = server(() => Response.json({ error: 'no' }, { status }))
    expect(await hosting.hostSeminar(request)).toEqual({ ok: false, problem: { kind } })
    expect(await hosting.hostingStatus()).toEqual({ state: 'stopped' })
  })

  it('says there is no server when nothing answers, or a plain web page does', async () => {
    const down = browserHosting(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(await down.hostSeminar(request)).toEqual({ ok: false, problem: { kind: 'no-server' } })
    const { hosting } = server(
      () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    )
    expect(await hosting.hostSeminar(request)).toEqual({
      ok: false,
      problem: { kind: 'no-server' },
    })
  })

  it('passes on the server’s own words for anything else', async () => {
    const { hosting } = server(() =>
      Response.json({ error: 'Give the seminar a title.' }, { status: 400 }),
    )
    await expect(hosting.hostSeminar(request)).rejects.toThrow('Give the seminar a title.')
  })
})
