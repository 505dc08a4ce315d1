import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateSeminarResponse } from '../core/seminar/seminar-api'
import { isCrossOriginReadable } from './api-cors'
import { SeminarHarness } from './seminar/test-support/seminar-harness'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http rather than fetch, which can set neither Host nor Origin. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body)
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          host: `127.0.0.1:${port}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const APP_ORIGIN = 'app://hamish'
const preflight = (method: string, headers = 'authorization, content-type') => ({
  method: 'OPTIONS',
  headers: {
    origin: APP_ORIGIN,
    'access-control-request-method': method,
    'access-control-request-headers': headers,
  },
})

describe('isCrossOriginReadable', () => {
  it.each([
    ['/api/seminars/s1/join', true],
    ['/api/seminars/s1/members', true],
    ['/api/seminars/s1/members/u1', true],
    ['/api/health', false],
    ['/api/article', false],
    ['/api/seminars', false],
    ['/api/seminars/', false],
  ])('%s: %s', (path, readable) => {
    expect(isCrossOriginReadable(path)).toBe(readable)
  })
})

describe.each([
  ['a loopback server (hamish serve)', '127.0.0.1'],
  ['a LAN server (hosting)', '0.0.0.0'],
])('CORS on %s', (_, host) => {
  let h: SeminarHarness
  let port: number
  let seminar: CreateSeminarResponse

  beforeAll(async () => {
    h = await SeminarHarness.start({}, host)
    port = Number(new URL(h.url).port)
    // The harness's own requests name 0.0.0.0 for the LAN server: the admin token vouches for them.
    const created = await send(port, '/api/seminars', {
      headers: { authorization: `Bearer ${h.seminars.adminToken}` },
      body: { title: 'Week 3' },
    })
    seminar = JSON.parse(created.body) as CreateSeminarResponse
  })

  afterAll(() => h.close())

  it('answers the preflight of a join from another origin', async () => {
    const answer = await send(port, `/api/seminars/${seminar.seminarId}/join`, preflight('POST'))
    expect(answer.status).toBe(204)
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type',
      'access-control-max-age': '600',
    })
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined()
  })

  it('lets another origin read a join and an instructor call', async () => {
    const joined = await send(port, `/api/seminars/${seminar.seminarId}/join`, {
      headers: { origin: APP_ORIGIN },
      body: { code: seminar.joinCode, name: 'Amal' },
    })
    expect(joined.status).toBe(200)
    expect(joined.headers['access-control-allow-origin']).toBe('*')
    const members = await send(port, `/api/seminars/${seminar.seminarId}/members`, {
      headers: { origin: APP_ORIGIN, authorization: `Bearer ${seminar.instructorToken}` },
    })
    expect(members.status).toBe(200)
    expect(members.headers['access-control-allow-origin']).toBe('*')
  })

  it('gives creating a seminar no CORS at all: the preflight fails and so does the call', async () => {
    const answer = await send(port, '/api/seminars', preflight('POST', 'content-type'))
    expect(answer.status).toBe(405)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    const created = await send(port, '/api/seminars', {
      headers: { origin: 'http://evil.example' },
      body: { title: 'Planted' },
    })
    expect(created.status).toBe(403)
    expect(created.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('does not let a rebound host name create a seminar', async () => {
    const created = await send(port, '/api/seminars', {
      headers: { host: `evil.example:${port}` },
      body: { title: 'Planted' },
    })
    expect(created.status).toBe(403)
  })
})

describe('the article and health endpoints', () => {
  let h: SeminarHarness
  beforeAll(async () => {
    h = await SeminarHarness.start()
  })
  afterAll(() => h.close())

  it('are not readable by other sites: the article may be a private file', async () => {
    const port = Number(new URL(h.url).port)
    for (const path of ['/api/article', '/api/health']) {
      const answer = await send(port, path, { headers: { origin: 'http://evil.example' } })
      expect(answer.status).toBe(200)
      expect(answer.headers['access-control-allow-origin']).toBeUndefined()
      const preflight = await send(port, path, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
      })
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    }
  })
})

describe('the DNS-rebinding check on a loopback server', () => {
  let h: SeminarHarness
  beforeAll(async () => {
    h = await SeminarHarness.start()
  })
  afterAll(() => h.close())

  it('refuses a preflight addressed to another host name, without CORS headers', async () => {
    const port = Number(new URL(h.url).port)
    const answer = await send(port, '/api/seminars/s1/join', {
      ...preflight('POST'),
      headers: { ...preflight('POST').headers, host: `evil.example:${port}` },
    })
    expect(answer.status).toBe(403)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
  })
})
