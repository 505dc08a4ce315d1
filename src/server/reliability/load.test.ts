import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mulberry32, randomInt } from '../../core/seeded-random'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../core/seminar/seminar-api'
import { eventually } from '../seminar/test-support/seminar-harness'
import { SEED, STRESS, budget } from './test-support/fuzz-budget'
import { HealthProbe } from './test-support/health-probe'
import {
  ServerFolders,
  SpawnedServer,
  bundleServer,
  type ServerMemory,
} from './test-support/spawned-server'

/*
 * 200 members in one seminar on loopback, as the app connects them: one WebSocket each, their
 * own class document (an annotation every few seconds) and the shared notebook (a few of them
 * typing in it). Meanwhile a probe times `/api/health`, a pair of clients times a change's trip
 * through the server, and the server's memory is sampled: it must stay responsive, make no
 * errors, and level off. `npm test` runs it for 10 s; `npm run test:stress` for 60 s.
 */

const MEMBERS = 200
const DURATION_MS = budget(10_000, 60_000)
/**
 * The slowest answers allowed while loaded. Generous: the machine these run on may be shared
 * (this one runs eight jobs on two cores), while what they guard against, a stalled event loop
 * or a server falling behind its clients, shows as tens of seconds. The figures are printed.
 */
const MAX_HEALTH_MS = 5000
const MAX_HEALTH_MEDIAN_MS = 1000
const MAX_ROUND_TRIP_MS = 8000
const MAX_ROUND_TRIP_MEDIAN_MS = 1000
/** How much the server's heap and buffers may still grow in the second half of the run. */
const MAX_LATE_GROWTH_BYTES = budget(24, 16) * 1024 * 1024

let bundle: string
const folder = new ServerFolders()
let server: SpawnedServer
let seminar: CreateSeminarResponse
const members: Member[] = []

interface Member {
  socket: HocuspocusProviderWebsocket
  own: HocuspocusProvider
  notebook: HocuspocusProvider
  errors: string[]
}

beforeAll(async () => {
  bundle = await bundleServer('reliability-load')
  server = await SpawnedServer.start(bundle, folder)
  seminar = await server.createSeminar('Load')
}, 60_000)

afterAll(async () => {
  for (const member of members) destroy(member)
  await server?.kill()
  folder.remove()
})

function destroy(member: Member): void {
  member.own.destroy()
  member.notebook.destroy()
  member.socket.destroy()
}

/** A member as the app connects one: one WebSocket, their documents multiplexed on it. */
function connectMember(joined: JoinSeminarResponse): Member {
  const socket = new HocuspocusProviderWebsocket({ url: server.syncUrl })
  const errors: string[] = []
  const provider = (name: string) => {
    const p = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      token: joined.token,
      document: new Y.Doc(),
    })
    p.on('authenticationFailed', ({ reason }: { reason: string }) =>
      errors.push(`${name}: ${reason}`),
    )
    p.attach()
    return p
  }
  socket.on('disconnect', ({ event }: { event: { code: number; reason: string } }) =>
    errors.push(`disconnected: ${event.code} ${event.reason}`),
  )
  return {
    socket,
    own: provider(`seminar:${seminar.seminarId}:user:${joined.userId}:class`),
    notebook: provider(`seminar:${seminar.seminarId}:notebook`),
    errors,
  }
}

async function roundTrips(
  writer: Member,
  watcher: Member,
  until: () => boolean,
): Promise<number[]> {
  const times: number[] = []
  const probes = writer.notebook.document.getMap<number>('round-trips')
  const seen = watcher.notebook.document.getMap<number>('round-trips')
  for (let i = 0; until(); i++) {
    const sent = performance.now()
    probes.set(`p${i}`, i)
    await eventually(() => seen.get(`p${i}`) === i, 10_000, 'a round trip')
    times.push(performance.now() - sent)
    await sleep(250)
  }
  return times
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)
}

describe(`${MEMBERS} members for ${DURATION_MS / 1000} s`, () => {
  it(
    'keep the server responsive, error-free, its memory level',
    async () => {
      const joinStarted = performance.now()
      const joined: JoinSeminarResponse[] = []
      for (let i = 0; i < MEMBERS; i++) joined.push(await server.join(seminar, `Member ${i}`))
      for (const member of joined) members.push(connectMember(member))
      await eventually(
        () => members.every((m) => m.own.isSynced && m.notebook.isSynced),
        60_000,
        'every member to connect and sync',
      )
      const connectMs = Math.round(performance.now() - joinStarted)

      const random = mulberry32(SEED)
      const probe = new HealthProbe(server.url, 250)
      const samples: ServerMemory[] = []
      const started = performance.now()
      const running = () => performance.now() - started < DURATION_MS
      let edits = 0
      const editing = members.map(async (member, i) => {
        const typist = i % 10 === 0
        await sleep(randomInt(random, 0, 2000))
        for (let n = 0; running(); n++) {
          member.own.document.getMap('annotations').set(`a${n % 50}`, { body: `تعليق ${n}`, at: n })
          if (typist) member.notebook.document.getText('notes').insert(0, `${i}:${n} `)
          edits += typist ? 2 : 1
          await sleep(typist ? 1000 : randomInt(random, 1500, 2500))
        }
      })
      const sampling = (async () => {
        while (running()) {
          samples.push(await server.memory())
          await sleep(1000)
        }
      })()
      const trips = await roundTrips(members[1] as Member, members[2] as Member, running)
      await Promise.all([...editing, sampling])
      const health = await probe.stop()
      await eventually(
        () => members.every((m) => !m.own.hasUnsyncedChanges && !m.notebook.hasUnsyncedChanges),
        30_000,
        'every change to be acknowledged',
      )

      const memory = samples.map((s) => s.heapUsed + s.arrayBuffers)
      const half = Math.floor(memory.length / 2)
      const firstHalfPeak = Math.max(...memory.slice(0, half))
      const lateGrowth = Math.max(...memory.slice(half)) - firstHalfPeak
      const figures = {
        members: MEMBERS,
        seconds: DURATION_MS / 1000,
        connectMs,
        edits,
        health: { ...health, errors: undefined },
        roundTripMs: {
          count: trips.length,
          median: median(trips),
          max: Math.round(Math.max(...trips)),
        },
        serverMemoryMB: {
          rssEnd: Math.round((samples.at(-1)?.rss ?? 0) / 1e6),
          heapAndBuffersFirstHalfPeak: Math.round(firstHalfPeak / 1e6),
          heapAndBuffersEnd: Math.round((memory.at(-1) ?? 0) / 1e6),
          lateGrowth: Math.round(lateGrowth / 1e6),
        },
        stress: STRESS,
      }
      console.log(`load: ${JSON.stringify(figures)}`)

      expect(members.flatMap((m) => m.errors)).toEqual([])
      expect(server.alive).toBe(true)
      expect(server.stderr).toBe('')
      expect(health.failures, health.errors.join('; ')).toBe(0)
      expect(health.maxMs).toBeLessThan(MAX_HEALTH_MS)
      expect(health.p50Ms).toBeLessThan(MAX_HEALTH_MEDIAN_MS)
      expect(Math.max(...trips)).toBeLessThan(MAX_ROUND_TRIP_MS)
      expect(median(trips)).toBeLessThan(MAX_ROUND_TRIP_MEDIAN_MS)
      expect(lateGrowth).toBeLessThan(MAX_LATE_GROWTH_BYTES)
    },
    DURATION_MS + 150_000,
  )
})
