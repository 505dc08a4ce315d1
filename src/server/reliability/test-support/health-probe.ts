import { performance } from 'node:perf_hooks'

export interface ProbeResult {
  count: number
  failures: number
  /** What went wrong, for the first few failures. */
  errors: string[]
  maxMs: number
  p50Ms: number
  p95Ms: number
}

/**
 * Asks `GET /api/health` every `intervalMs` and times the answers: a server whose event loop a
 * message has stalled answers late, whatever the message did to the rest of it.
 */
export class HealthProbe {
  private readonly latencies: number[] = []
  private failures = 0
  private readonly errors: string[] = []
  private running = true
  private readonly loop: Promise<void>
  private readonly startedAt = performance.now()

  constructor(
    private readonly url: string,
    private readonly intervalMs = 100,
  ) {
    this.loop = this.run()
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = performance.now()
      try {
        // A new connection each time: the server's answer is timed, not the client's pool.
        const response = await fetch(new URL('/api/health', this.url), {
          headers: { connection: 'close' },
          signal: AbortSignal.timeout(10_000),
        })
        await response.arrayBuffer()
        if (response.status === 200) this.latencies.push(performance.now() - started)
        else this.fail(`HTTP ${response.status}`)
      } catch (error) {
        const at = Math.round(started - this.startedAt)
        this.fail(`${at} ms in: ${error instanceof Error ? error.message : String(error)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs))
    }
  }

  private fail(what: string): void {
    this.failures += 1
    if (this.errors.length < 5) this.errors.push(what)
  }

  async stop(): Promise<ProbeResult> {
    this.running = false
    await this.loop
    const sorted = [...this.latencies].sort((a, b) => a - b)
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
    return {
      count: sorted.length,
      failures: this.failures,
      errors: this.errors,
      maxMs: Math.round(sorted.at(-1) ?? 0),
      p50Ms: Math.round(at(0.5)),
      p95Ms: Math.round(at(0.95)),
    }
  }
}
