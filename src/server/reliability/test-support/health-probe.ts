import { Worker } from 'node:worker_threads'

export interface ProbeResult {
  count: number
  failures: number
  /** What went wrong, for the first few failures. */
  errors: string[]
  maxMs: number
  p50Ms: number
  p95Ms: number
}

/*
 * The probe's loop, in a worker thread of its own: the test's thread is busy playing hundreds of
 * clients, and a probe sharing it would time that thread's backlog, not the server.
 */
const PROBE_LOOP = `
const { parentPort, workerData } = require('node:worker_threads')
const latencies = []
const errors = []
let failures = 0
let running = true
parentPort.on('message', () => (running = false))
;(async () => {
  const startedAt = performance.now()
  while (running) {
    const started = performance.now()
    try {
      // A new connection each time: the server's answer is timed, not a pool's.
      const response = await fetch(new URL('/api/health', workerData.url), {
        headers: { connection: 'close' },
        signal: AbortSignal.timeout(10000),
      })
      await response.arrayBuffer()
      if (response.status === 200) latencies.push(performance.now() - started)
      else (failures++, errors.push('HTTP ' + response.status))
    } catch (error) {
      failures++
      errors.push(Math.round(started - startedAt) + ' ms in: ' + (error && error.message))
    }
    await new Promise((resolve) => setTimeout(resolve, workerData.intervalMs))
  }
  parentPort.postMessage({ latencies, failures, errors: errors.slice(0, 5) })
})()
`

/**
 * Asks `GET /api/health` every `intervalMs` and times the answers: a server whose event loop a
 * message or a load has stalled answers late, whatever else it still does.
 */
export class HealthProbe {
  private readonly worker: Worker

  constructor(url: string, intervalMs = 100) {
    this.worker = new Worker(PROBE_LOOP, { eval: true, workerData: { url, intervalMs } })
  }

  async stop(): Promise<ProbeResult> {
    const result = new Promise<{ latencies: number[]; failures: number; errors: string[] }>(
      (resolve) => this.worker.once('message', resolve),
    )
    this.worker.postMessage('stop')
    const { latencies, failures, errors } = await result
    await this.worker.terminate()
    const sorted = [...latencies].sort((a, b) => a - b)
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
    return {
      count: sorted.length,
      failures,
      errors,
      maxMs: Math.round(sorted.at(-1) ?? 0),
      p50Ms: Math.round(at(0.5)),
      p95Ms: Math.round(at(0.95)),
    }
  }
}
