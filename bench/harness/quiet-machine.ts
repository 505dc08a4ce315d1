import { cpus } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'

/** Busy and total processor time since boot, summed over every core, in milliseconds. */
export interface ProcessorTimes {
  readonly busy: number
  readonly total: number
}

function processorTimes(): ProcessorTimes {
  let busy = 0
  let total = 0
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq
    busy += all - times.idle
    total += all
  }
  return { busy, total }
}

export interface QuietOptions {
  /** The share of the processors' time that may be busy for the machine to count as quiet. */
  readonly busyBelow?: number
  /** How long in a row it must stay that quiet. */
  readonly forMs?: number
  /** Past this, the wait ends quiet or not: a machine shared with others may never be. */
  readonly atMostMs?: number
  /** How often the processors are looked at. */
  readonly sampleMs?: number
  /** For tests: the processors' times, and the clock and sleep the wait runs on. */
  readonly readTimes?: () => ProcessorTimes
  readonly now?: () => number
  readonly sleep?: (ms: number) => Promise<unknown>
}

export interface QuietWait {
  readonly waitedMs: number
  /** False when the wait gave up at `atMostMs` with the machine still busy. */
  readonly quiet: boolean
}

/**
 * Waits until the machine has been quiet for a moment. A new browser profile keeps both cores of
 * this machine busy for about a second after it is made; a page loaded at once after a short
 * set-up (an empty reader's) took that second on top of its own time, where one loaded after a
 * long set-up (4,800 annotations stored first) did not, and the ratio between them said the
 * annotations cost nothing.
 */
export async function untilMachineQuiet(options: QuietOptions = {}): Promise<QuietWait> {
  const {
    busyBelow = 0.25,
    forMs = 200,
    atMostMs = 5_000,
    sampleMs = 50,
    readTimes = processorTimes,
    now = () => performance.now(),
    sleep: wait = sleep,
  } = options
  const start = now()
  let quietSince: number | null = null
  let before = readTimes()
  for (;;) {
    await wait(sampleMs)
    const at = now()
    const after = readTimes()
    const total = after.total - before.total
    const busyShare = total > 0 ? (after.busy - before.busy) / total : 0
    before = after
    quietSince = busyShare < busyBelow ? (quietSince ?? at - sampleMs) : null
    if (quietSince !== null && at - quietSince >= forMs)
      return { waitedMs: at - start, quiet: true }
    if (at - start >= atMostMs) return { waitedMs: at - start, quiet: false }
  }
}
