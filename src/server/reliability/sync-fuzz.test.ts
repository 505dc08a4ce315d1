import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32, randomInt } from '../../core/seeded-random'
import type { CreateSeminarResponse, JoinSeminarResponse } from '../../core/seminar/seminar-api'
import { eventually } from '../seminar/test-support/seminar-harness'
import type { SyncClient } from '../seminar/test-support/sync-client'
import { MAX_SYNC_MESSAGE_BYTES } from '../seminar/sync-endpoint'
import { SEED, budget } from './test-support/fuzz-budget'
import { HealthProbe } from './test-support/health-probe'
import { mutateMany, randomBytes } from './test-support/mutations'
import { RawSyncSocket } from './test-support/raw-sync-socket'
import { ServerFolders, SpawnedServer, bundleServer } from './test-support/spawned-server'
import {
  MessageType,
  SyncType,
  authMessage,
  message,
  pendingItemUpdate,
  realMessages,
  syncMessage,
  varBytes,
  varString,
  varUint,
} from './test-support/sync-messages'

/*
 * The sync endpoint under hostile bytes: the known malicious shapes (zero-length updates,
 * counts and lengths far past the frame, nesting, updates that can never apply), then random
 * and mutated messages. Throughout, a healthy member keeps editing and a probe times
 * `/api/health`: no crash, no stall, bounded memory, and the healthy member never notices.
 */

const MESSAGES = budget(1500, 30_000)
const FUZZ_MS = budget(12_000, 180_000)
/** The slowest health answer allowed: generous for a shared 2-core machine; a decoder loop takes far longer. */
const MAX_HEALTH_MS = 2000
/** Growth of the server's heap and buffers, after GC, a fuzzing run may leave. */
const MAX_GROWTH_BYTES = 48 * 1024 * 1024

let bundle: string
const folder = new ServerFolders()
let server: SpawnedServer
let seminar: CreateSeminarResponse
let attacker: JoinSeminarResponse
let member: JoinSeminarResponse
const clients: SyncClient[] = []

const notebook = () => `seminar:${seminar.seminarId}:notebook`

beforeAll(async () => {
  bundle = await bundleServer('reliability-sync-fuzz')
  server = await SpawnedServer.start(bundle, folder)
  seminar = await server.createSeminar()
  attacker = await server.join(seminar, 'Mallory')
  member = await server.join(seminar, 'Huda')
}, 60_000)

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server?.kill()
  folder.remove()
})

async function connected(name: string, token: string): Promise<SyncClient> {
  const client = server.connect(name, token)
  clients.push(client)
  const outcome = await client.outcome
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`)
  await client.synced()
  return client
}

/** The documents the attacker aims at: writable, read-only, forbidden and nonexistent. */
function targets(): string[] {
  const id = seminar.seminarId
  return [
    notebook(),
    `seminar:${id}:user:${attacker.userId}:class`,
    `seminar:${id}:article`,
    `seminar:${id}:user:${member.userId}:private`,
    'seminar:nowhere:notebook',
  ]
}

type Outcome = { code: number; reason: string } | 'still open' | 'refused at upgrade'

/** Sends `messages` after authenticating on a fresh socket; how the server took them. */
async function deliver(document: string, messages: Uint8Array[]): Promise<Outcome> {
  const socket = new RawSyncSocket(server.syncUrl)
  if (!(await socket.ready())) return 'refused at upgrade'
  socket.send(authMessage(document, attacker.token))
  for (const bytes of messages) socket.send(bytes)
  await socket.drained()
  const outcome = await Promise.race([socket.closed, sleep(150).then(() => 'still open' as const)])
  socket.close()
  return outcome
}

/**
 * A member editing the notebook every 50 ms while `attack` runs, watched by the instructor; a
 * probe timing the server's answers. Resolves with what the attack left behind.
 */
async function underAttack(attack: () => Promise<void>) {
  const writer = await connected(notebook(), member.token)
  const watcher = await connected(notebook(), seminar.instructorToken)
  const before = await server.memory()
  const probe = new HealthProbe(server.url)
  const written: string[] = []
  let writing = true
  const editing = (async () => {
    while (writing) {
      const entry = `healthy:${written.length}:${Date.now()}`
      written.push(entry)
      writer.doc.getArray<string>('edits').push([entry])
      await sleep(50)
    }
  })()
  try {
    await attack()
  } finally {
    writing = false
    await editing
  }
  const health = await probe.stop()
  expect(server.alive, `the server died: ${server.stderr}`).toBe(true)
  await Promise.race([
    writer.acknowledged(),
    sleep(10_000).then(() => {
      throw new Error('the healthy member’s edits were not all acknowledged')
    }),
  ])
  const seen = () => new Set(watcher.doc.getArray<string>('edits').toArray())
  await eventually(() => written.every((entry) => seen().has(entry)), 10_000, 'the watcher')
  const after = await server.memory()
  writer.destroy()
  watcher.destroy()
  const growth = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)
  return { health, growth, written: written.length }
}

/** An update with one item of string content under the root type `notes`, its length claimed. */
function stringItem(claimedLength: number, actual = 'x'): number[] {
  return [
    1,
    1,
    ...varUint(424242),
    0,
    0x04,
    1,
    ...varString('notes'),
    ...varUint(claimedLength),
    ...new TextEncoder().encode(actual),
    0,
  ]
}

function nested(depth: number): number[] {
  // lib0's `readAny`: 117 is an array, then its length; 126 is null.
  return [...Array.from({ length: depth }, () => [117, 1]).flat(), 126]
}

/** The known malicious shapes, each with what the attacker aims it at. */
function maliciousShapes(): [string, Uint8Array[]][] {
  const doc = notebook()
  const update = (payload: number[] | Uint8Array) => [syncMessage(doc, SyncType.update, payload)]
  const big = 'ح'.repeat(256 * 1024)
  return [
    ['a zero-length update', update([])],
    ['a zero-length step 2', [syncMessage(doc, SyncType.step2, [])]],
    ['a message with nothing after the name', [message(doc)]],
    ['an empty frame', [new Uint8Array(0)]],
    ['an update claiming 2^32-1 clients', update([...varUint(2 ** 32 - 1), 0])],
    ['an update claiming 2^31 structs', update([1, ...varUint(2 ** 31), ...varUint(7), 0])],
    ['a string claiming 2 GiB', update(stringItem(2 ** 31))],
    ['a string claiming 2^53', update(stringItem(2 ** 53 - 1))],
    [
      'a skip of 2^53-1 clocks',
      update([
        1,
        2,
        ...varUint(7),
        0,
        10,
        ...varUint(2 ** 53 - 1),
        0x04,
        1,
        ...varString('notes'),
        ...varString('x'),
        0,
      ]),
    ],
    ['a GC run of 2^52 clocks', update([1, 1, ...varUint(9), 0, 0, ...varUint(2 ** 52), 0])],
    [
      'deleted content of 2^52 items',
      update([1, 1, ...varUint(11), 0, 0x01, 1, ...varString('notes'), ...varUint(2 ** 52), 0]),
    ],
    ['a delete set of 2^53-1 items', update([0, 1, ...varUint(13), 1, 0, ...varUint(2 ** 53 - 1)])],
    ['a delete set claiming 2^32-1 clients', update([0, ...varUint(2 ** 32 - 1)])],
    [
      'ContentAny nested 200 000 deep',
      update([1, 1, ...varUint(15), 0, 0x08, 1, ...varString('notes'), 1, ...nested(200_000), 0]),
    ],
    [
      'a state vector claiming 2^32-1 clients',
      [syncMessage(doc, SyncType.step1, varUint(2 ** 32 - 1))],
    ],
    [
      'a state vector at clock 2^53-1',
      [syncMessage(doc, SyncType.step1, [1, ...varUint(17), ...varUint(2 ** 53 - 1)])],
    ],
    [
      'a frame claiming a 2 GiB update',
      [message(doc, [MessageType.sync, SyncType.update], varUint(2 ** 31), [1, 2, 3])],
    ],
    [
      'awareness claiming 2^32-1 clients',
      [message(doc, [MessageType.awareness], varBytes(varUint(2 ** 32 - 1)))],
    ],
    [
      'awareness with JSON nested 500 000 deep',
      [
        message(
          doc,
          [MessageType.awareness],
          varBytes([
            1,
            ...varUint(31),
            1,
            ...varString(`${'['.repeat(500_000)}${']'.repeat(500_000)}`),
          ]),
        ),
      ],
    ],
    [
      'a 1 MiB stateless message',
      [message(doc, [MessageType.stateless], varString('s'.repeat(1 << 20)))],
    ],
    [
      'a server-internal broadcast from a client',
      [message(doc, [MessageType.broadcastStateless], varString('x'))],
    ],
    ['an unknown message type', [message(doc, varUint(99))]],
    ['a second authentication', [authMessage(doc, attacker.token)]],
    [
      'a 1 MiB document name',
      [message('n'.repeat(1 << 20), [MessageType.sync, SyncType.step1], [0])],
    ],
    ['a frame just over the cap', [new Uint8Array(MAX_SYNC_MESSAGE_BYTES + 1)]],
    [
      'updates that wait forever for a missing neighbour (120 × 512 KiB)',
      Array.from({ length: 120 }, (_, i) =>
        syncMessage(doc, SyncType.update, pendingItemUpdate(1000 + 2 * i, 5, big)),
      ),
    ],
  ]
}

describe('the known malicious shapes', () => {
  it('are refused or ignored, one connection each, and nobody else notices', async () => {
    const outcomes: Record<string, Outcome> = {}
    // Built first: building them takes this process's thread for a moment, which the probe
    // would count against the server.
    const shapes = maliciousShapes()
    const result = await underAttack(async () => {
      for (const [name, messages] of shapes) outcomes[name] = await deliver(notebook(), messages)
    })
    console.log(`sync fuzz, malicious shapes: ${JSON.stringify({ ...result, outcomes })}`)
    expect(outcomes['a frame just over the cap']).toMatchObject({ code: 1009 })
    expect(server.stderr).toMatch(
      /refused unappliable-changes: documentName="seminar:\w+:notebook"/,
    )
    expect(server.stderr).toMatch(/refused awareness-too-big: documentName="seminar:\w+:notebook"/)
    expect(result.health.failures).toBe(0)
    expect(result.health.maxMs).toBeLessThan(MAX_HEALTH_MS)
    expect(result.growth).toBeLessThan(MAX_GROWTH_BYTES)
  }, 120_000)
})

describe('random and mutated messages', () => {
  it(
    `(${MESSAGES} of them, seed ${SEED}) leave the server well and the others unaffected`,
    async () => {
      const random = mulberry32(SEED)
      const corpus = targets().map((document) => realMessages(document))
      let sent = 0
      const deadline = Date.now() + FUZZ_MS
      const outcomes = new Map<string, number>()
      const result = await underAttack(async () => {
        while (sent < MESSAGES && Date.now() < deadline) {
          const target = randomInt(random, 0, corpus.length - 1)
          const document = targets()[target] as string
          const real = corpus[target] as Uint8Array[]
          const batch = Array.from({ length: randomInt(random, 1, 20) }, () => {
            const kind = randomInt(random, 0, 9)
            if (kind === 0) return randomBytes(random, randomInt(random, 0, 64))
            const base = real[randomInt(random, 0, real.length - 1)] as Uint8Array
            if (kind === 1) return base
            return mutateMany(random, base, randomInt(random, 1, 4))
          })
          sent += batch.length
          const outcome = await deliver(document, batch)
          const key = typeof outcome === 'string' ? outcome : String(outcome.code)
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
        }
      })
      console.log(
        `sync fuzz, random: ${JSON.stringify({ sent, ...result, outcomes: Object.fromEntries(outcomes) })}`,
      )
      expect(sent).toBeGreaterThan(Math.min(MESSAGES, 200))
      expect(result.health.failures).toBe(0)
      expect(result.health.maxMs).toBeLessThan(MAX_HEALTH_MS)
      expect(result.growth).toBeLessThan(MAX_GROWTH_BYTES)
    },
    FUZZ_MS + 60_000,
  )
})

describe('after the fuzzing', () => {
  it('the store still loads every document, after a SIGKILL', async () => {
    await server.kill()
    server = await SpawnedServer.start(bundle, folder)
    for (const [name, token] of [
      [notebook(), seminar.instructorToken],
      [`seminar:${seminar.seminarId}:user:${attacker.userId}:class`, seminar.instructorToken],
      [`seminar:${seminar.seminarId}:article`, member.token],
    ] as const) {
      const reader = await connected(name, token)
      expect(reader.provider.isSynced).toBe(true)
      reader.destroy()
    }
    const reader = await connected(notebook(), seminar.instructorToken)
    expect(
      reader.doc
        .getArray<string>('edits')
        .toArray()
        .filter((e) => e.startsWith('healthy:')).length,
    ).toBeGreaterThan(0)
  }, 30_000)
})
