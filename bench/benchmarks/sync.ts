import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Anchor } from '../../src/core/annotations'
import { docName } from '../../src/core/seminar/doc-names'
import type { Benchmark } from '../harness/benchmark'
import { measured, type Figure } from '../harness/figure'
import { percentile } from '../harness/statistics'
import { startHamishProcess } from '../server/hamish-process'
import { hamishMember } from '../server/hamish-sync-transport'
import { cpuMilliseconds, peakRssMegabytes } from '../server/proc-usage'
import { startReferenceProcess } from '../server/reference-process'
import { referenceMember } from '../server/reference-sync-transport'
import { createSeminar, joinSeminar } from '../server/seminar-client'
import { runSyncSession, type SessionMember } from '../server/sync-session'
import { echoRoundTrips } from '../server/websocket-echo'

/**
 * Issue 7, item 3: a class of headless members in this process, each writing comments into its
 * own class document through `AnnotationStore` at 2 a second and reading the class documents of
 * the next 5 members, against `hamish serve` in a child process on loopback; the same document
 * layout and writes against the y-websocket reference server (`@y/websocket-server`) in a child
 * process; and a loopback WebSocket echo as the floor under any propagation.
 */

const READERS_PER_DOC = 5
const WRITE_INTERVAL_MS = 500
const TIMEOUT_MS = 60_000
const ECHO_BYTES = 256

interface SessionFigures {
  readonly latencies: readonly number[]
  readonly convergeMs: number
  readonly cpuMs: number
  readonly peakRssMb: number
}

interface Plan {
  readonly members: number
  readonly writesPerMember: number
  readonly anchors: readonly Anchor[]
}

async function sessionOn(
  pid: number,
  plan: Plan,
  members: readonly SessionMember[],
): Promise<SessionFigures> {
  let cpuBefore = 0
  const result = await runSyncSession({
    members,
    readersPerDoc: READERS_PER_DOC,
    writesPerMember: plan.writesPerMember,
    writeIntervalMs: WRITE_INTERVAL_MS,
    anchors: plan.anchors,
    timeoutMs: TIMEOUT_MS,
    onConnected: async () => {
      cpuBefore = await cpuMilliseconds(pid)
    },
  })
  const cpuMs = (await cpuMilliseconds(pid)) - cpuBefore
  return { ...result, cpuMs, peakRssMb: await peakRssMegabytes(pid) }
}

async function onHamish(plan: Plan): Promise<SessionFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hamish-bench-sync-'))
  const server = await startHamishProcess(dataDir)
  try {
    const seminar = await createSeminar(server.url, server.adminToken, 'Sync bench')
    const members: SessionMember[] = []
    for (let i = 0; i < plan.members; i++) {
      const joined = await joinSeminar(
        server.url,
        seminar.seminarId,
        seminar.joinCode,
        `Member ${i + 1}`,
      )
      members.push({
        userId: joined.userId,
        docName: docName({
          kind: 'user',
          seminarId: seminar.seminarId,
          userId: joined.userId,
          scope: 'class',
        }),
        connection: hamishMember(server.url, joined.token),
      })
    }
    return await sessionOn(server.pid, plan, members)
  } finally {
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function onReference(plan: Plan): Promise<SessionFigures> {
  const server = await startReferenceProcess()
  try {
    const members = Array.from({ length: plan.members }, (_, i): SessionMember => {
      const userId = `m${i + 1}`
      return {
        userId,
        docName: docName({ kind: 'user', seminarId: 'bench', userId, scope: 'class' }),
        connection: referenceMember(server.url),
      }
    })
    return await sessionOn(server.pid, plan, members)
  } finally {
    await server.stop()
  }
}

export const sync: Benchmark = {
  name: 'sync',
  title: 'Sync',
  needsWebBuild: true,
  async run({ fixtures, choose, log, quick }) {
    const seminar = await fixtures.seminar()
    const anchors = seminar.students
      .flatMap((student) => student.annotations)
      .flatMap((annotation) => (annotation.anchor ? [annotation.anchor] : []))
    const plan: Plan = {
      members: choose(20, 100),
      writesPerMember: choose(10, 50),
      anchors,
    }
    const scale = `${plan.members} members${quick ? ' (quick; the full run has 100)' : ''}`
    const setting = `${plan.members} members × ${plan.writesPerMember} comments at 2/s, each member reading ${READERS_PER_DOC} others' class docs, all clients in the bench process`

    log(`sync on hamish serve: ${setting}`)
    const hamish = await onHamish(plan)
    log('sync on the y-websocket reference server')
    const reference = await onReference(plan)
    const echo = await echoRoundTrips(choose(200, 1000), ECHO_BYTES)
    const referenceName = '@y/websocket-server'
    const latency = (id: string, label: string, p: number, target?: number): Figure =>
      measured({
        id,
        name: `Sync: propagation ${label}, ${scale}`,
        unit: 'ms',
        runs: [percentile(hamish.latencies, p)],
        baseline: { name: referenceName, runs: [percentile(reference.latencies, p)] },
        target: target === undefined ? undefined : { kind: 'below', value: target },
        note:
          p === 50
            ? `${hamish.latencies.length} arrivals: ${setting}; Hamish with one multiplexed WebSocket a member, the reference with one WebSocket a document`
            : undefined,
      })
    return [
      latency('sync.propagation-p50', 'p50', 50),
      latency('sync.propagation-p95', 'p95', 95, 50),
      latency('sync.propagation-max', 'max', 100),
      measured({
        id: 'sync.converge',
        name: `Sync: time to converge, ${scale}`,
        unit: 'ms',
        runs: [hamish.convergeMs],
        baseline: { name: referenceName, runs: [reference.convergeMs] },
        note: 'from the last write to its last replica having it; every replica then checked equal to its writer',
      }),
      measured({
        id: 'sync.server-cpu',
        name: `Sync: server CPU time, ${scale}`,
        unit: 'ms',
        runs: [hamish.cpuMs],
        baseline: { name: referenceName, runs: [reference.cpuMs] },
        target: { kind: 'ratio-at-most', value: 1.2 },
        note: 'user + system time of the server process (/proc/<pid>/stat) from all documents synced to convergence; Hamish also persists to SQLite, the reference keeps memory only',
      }),
      measured({
        id: 'sync.server-rss',
        name: `Sync: server peak RSS, ${scale}`,
        unit: 'MB',
        runs: [hamish.peakRssMb],
        baseline: { name: referenceName, runs: [reference.peakRssMb] },
        note: 'VmHWM of the server process over its whole life',
      }),
      measured({
        id: 'sync.echo-p50',
        name: 'Loopback WebSocket echo round trip p50 (floor)',
        unit: 'ms',
        runs: [percentile(echo, 50)],
        note: `${echo.length} sequential ${ECHO_BYTES}-byte messages to a ws echo server in the bench process`,
      }),
      measured({
        id: 'sync.echo-p95',
        name: 'Loopback WebSocket echo round trip p95 (floor)',
        unit: 'ms',
        runs: [percentile(echo, 95)],
      }),
    ]
  },
}
