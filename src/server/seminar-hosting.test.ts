import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import type { NetworkInterfaceInfo } from 'node:os'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sampleArticle } from '../core/article/sample-article'
import { JoinSeminarResponse } from '../core/seminar/seminar-api'
import type { HostSeminarRequest, HostedSeminar } from '../core/seminar/seminar-hosting'
import { parseJoinLink } from '../core/seminar/seminar-links'
import { SeminarHosting, studentFacingInterfaces } from './seminar-hosting'
import { connectClient, type SyncClient } from './seminar/test-support/sync-client'

const LAN_ADDRESS = '192.0.2.7'
/** A computer with loopback and one LAN card; links must name the LAN card. */
const interfaces = (): NodeJS.Dict<NetworkInterfaceInfo[]> => ({
  lo: [nic('127.0.0.1', true)],
  eth0: [nic(LAN_ADDRESS, false)],
})

function nic(address: string, internal: boolean): NetworkInterfaceInfo {
  return {
    address,
    internal,
    family: 'IPv4',
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: `${address}/24`,
  }
}

let root: string
let webRoot: string
let dataDir: string
const clients: SyncClient[] = []
const hostings: SeminarHosting[] = []

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hamish-hosting-'))
  dataDir = join(root, 'user-data', 'seminars')
  // The web build the server hands to students' browsers.
  webRoot = join(root, 'web')
  mkdirSync(webRoot)
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Hamish</title>')
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const hosting of hostings.splice(0)) await hosting.stop()
  rmSync(root, { recursive: true, force: true })
})

function newHosting(): SeminarHosting {
  const hosting = new SeminarHosting({ dataDir, webRoot, version: '0.0.0-test', interfaces })
  hostings.push(hosting)
  return hosting
}

function request(overrides: Partial<HostSeminarRequest> = {}): HostSeminarRequest {
  return {
    title: 'Defence diplomacy, week 3',
    instructorName: 'د. حنان',
    settings: { postBeforeSeeing: true, anonymousToPeers: false },
    article: sampleArticle(),
    port: 0,
    ...overrides,
  }
}

async function hosted(hosting: SeminarHosting, overrides?: Partial<HostSeminarRequest>) {
  const outcome = await hosting.host(request(overrides))
  if (!outcome.ok) throw new Error(`hosting failed: ${JSON.stringify(outcome.problem)}`)
  return outcome.seminar
}

/** The link names the LAN address; this test reaches the same port over loopback. */
function loopback(seminar: HostedSeminar, path = ''): string {
  const { port } = new URL(seminar.joinUrl)
  return `http://127.0.0.1:${port}/${path}`
}

async function joinAs(seminar: HostedSeminar, name: string) {
  const link = parseJoinLink(seminar.joinUrl)
  if (!link) throw new Error(`not a join link: ${seminar.joinUrl}`)
  const response = await fetch(loopback(seminar, `api/seminars/${link.seminarId}/join`), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: link.code, name }),
  })
  expect(response.status).toBe(200)
  return JoinSeminarResponse.parse(await response.json())
}

async function connected(seminar: HostedSeminar, documentName: string, token: string) {
  const client = connectClient(
    loopback(seminar, 'sync').replace(/^http/, 'ws'),
    documentName,
    token,
  )
  clients.push(client)
  const outcome = await client.outcome
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`)
  await client.synced()
  return client
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const blocker = createServer()
    blocker.once('error', reject)
    blocker.listen({ host: '0.0.0.0', port }, () => resolve(blocker))
  })
}

describe('SeminarHosting', () => {
  it('is stopped until asked to host', () => {
    expect(newHosting().status()).toEqual({ state: 'stopped' })
  })

  it('hosts a seminar on the LAN address, with links, code and status', async () => {
    const hosting = newHosting()
    const seminar = await hosted(hosting)
    const { port } = new URL(seminar.joinUrl)
    expect(seminar.title).toBe('Defence diplomacy, week 3')
    expect(parseJoinLink(seminar.joinUrl)).toEqual({
      server: `http://${LAN_ADDRESS}:${port}/`,
      seminarId: seminar.seminarId,
      code: seminar.joinCode,
    })
    expect(seminar.instructorUrl).toMatch(
      new RegExp(`^http://${LAN_ADDRESS.replaceAll('.', '\\.')}:${port}/seminar/`),
    )
    expect(hosting.status()).toEqual({
      state: 'hosting',
      serverUrl: `http://${LAN_ADDRESS}:${port}/`,
      canStop: true,
      seminars: [seminar],
    })
    // A second seminar goes on the server already running.
    const second = await hosted(hosting, { title: 'Week 4', port: 1 })
    expect(new URL(second.joinUrl).port).toBe(port)
    expect(hosting.status()).toMatchObject({ seminars: [seminar, second] })
  })

  it('lets a student join by the link and sync, and stops with everything on disk', async () => {
    const hosting = newHosting()
    const seminar = await hosted(hosting)
    const student = await joinAs(seminar, 'Amal')
    expect(student.role).toBe('student')
    const notebook = `seminar:${seminar.seminarId}:notebook`

    const amal = await connected(seminar, notebook, student.token)
    const teacher = await connected(seminar, notebook, seminar.instructorToken)
    amal.doc.getText('notes').insert(0, 'أمل: الملحق العسكري هو اللاعب الرئيسي')
    await amal.acknowledged()
    await expect
      .poll(() => teacher.doc.getText('notes').toString())
      .toBe('أمل: الملحق العسكري هو اللاعب الرئيسي')
    // The article arrives as the server seeded it.
    const article = await connected(seminar, `seminar:${seminar.seminarId}:article`, student.token)
    expect(article.doc.getXmlFragment('content').length).toBe(1)

    const closed = amal.nextClose()
    expect(await hosting.stop()).toEqual({ state: 'stopped' })
    await closed
    expect(hosting.status()).toEqual({ state: 'stopped' })
    expect(await hosting.stop()).toEqual({ state: 'stopped' })
    for (const client of clients.splice(0)) client.destroy()

    // The port is free again, and a new hosting on the same data serves the same seminar.
    const port = Number(new URL(seminar.joinUrl).port)
    const again = newHosting()
    const restarted = await again.start({ fileName: 'sample.txt', article: sampleArticle() }, port)
    expect(restarted).toMatchObject({ ok: true, status: { state: 'hosting', seminars: [] } })
    const back = await connected(seminar, notebook, student.token)
    expect(back.doc.getText('notes').toString()).toBe('أمل: الملحق العسكري هو اللاعب الرئيسي')
  })

  it('says the port is in use, starts nothing, and hosts on another port', async () => {
    const blocker = await listenOn(0)
    const { port } = blocker.address() as { port: number }
    try {
      const hosting = newHosting()
      expect(await hosting.host(request({ port }))).toEqual({
        ok: false,
        problem: { kind: 'port-in-use', port },
      })
      expect(hosting.status()).toEqual({ state: 'stopped' })
      // The database was closed again: the same folder opens on any free port.
      const seminar = await hosted(hosting, { port: 0 })
      expect(Number(new URL(seminar.joinUrl).port)).not.toBe(port)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('refuses an article the server cannot seed, and keeps hosting', async () => {
    const hosting = newHosting()
    await hosted(hosting)
    const image = sampleArticle([{ type: 'image', attrs: { src: 'x' } }])
    await expect(hosting.host(request({ article: image }))).rejects.toThrow(
      /^This article cannot be used: /,
    )
    expect(hosting.status()).toMatchObject({ state: 'hosting' })
  })

  it('runs a stop that arrives during a start after it', async () => {
    const hosting = newHosting()
    const hosting1 = hosting.host(request())
    const stopped = hosting.stop()
    expect((await hosting1).ok).toBe(true)
    expect(await stopped).toEqual({ state: 'stopped' })
    expect(hosting.isRunning).toBe(false)
  })
})

describe('studentFacingInterfaces', () => {
  it('leaves out container and virtual-machine bridges and link-local addresses', () => {
    const all = {
      lo: [nic('127.0.0.1', true)],
      docker0: [nic('172.17.0.1', false)],
      'br-5f2c': [nic('172.18.0.1', false)],
      virbr0: [nic('192.168.122.1', false)],
      eth0: [nic('169.254.10.2', false)],
      wlan0: [nic('192.168.1.20', false)],
    }
    expect(Object.keys(studentFacingInterfaces(all))).toEqual(['lo', 'wlan0'])
  })

  it('keeps everything when only a bridge has an address (offline, say)', () => {
    const all = { lo: [nic('127.0.0.1', true)], docker0: [nic('172.17.0.1', false)] }
    expect(studentFacingInterfaces(all)).toBe(all)
  })
})
