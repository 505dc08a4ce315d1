/**
 * The CPU samples of one page load's main thread, read from a Chromium trace recorded with the
 * `disabled-by-default-v8.cpu_profiler` category: V8 writes its sampling profile into the trace
 * as a `Profile` event and `ProfileChunk`s, timed on the same clock as Blink's
 * `navigationStart`, so each sample can be placed in milliseconds from the navigation, the
 * clock `performance.now()` gives the page's own milestones on.
 */

/** A frame as V8 reports it; its own entries ("(program)", "(garbage collector)") have no place. */
export interface CallFrame {
  readonly functionName: string
  readonly url?: string
  /** Zero-based. */
  readonly lineNumber?: number
  readonly columnNumber?: number
}

export interface Sample {
  /** Milliseconds from the navigation's start. */
  readonly atMs: number
  /** How long the sample stands for: the time to the next sample. */
  readonly durationMs: number
  /** The sampled stack, innermost frame first. */
  readonly stack: readonly CallFrame[]
}

export interface MainThreadProfile {
  readonly url: string
  readonly samples: readonly Sample[]
}

interface TraceEvent {
  readonly name?: string
  readonly ph?: string
  readonly pid?: number
  readonly tid?: number
  readonly ts?: number
  readonly id?: string
  readonly args?: { readonly data?: Record<string, unknown> }
}

interface ProfileNode {
  readonly id: number
  readonly parent?: number
  readonly callFrame: CallFrame
}

interface ProfileChunkData {
  readonly cpuProfile?: { readonly nodes?: readonly ProfileNode[]; readonly samples?: number[] }
  readonly timeDeltas?: readonly number[]
}

/** The events of a trace, in either of the two shapes Chromium writes. */
export function traceEvents(trace: unknown): readonly TraceEvent[] {
  if (Array.isArray(trace)) return trace as TraceEvent[]
  const events = (trace as { traceEvents?: unknown } | null)?.traceEvents
  if (!Array.isArray(events)) throw new Error('not a Chromium trace: no traceEvents array')
  return events as TraceEvent[]
}

/** The last navigation of a main frame to `url`: the timed load, after any earlier visits. */
function navigationTo(events: readonly TraceEvent[], url: string): TraceEvent {
  const navigations = events.filter(
    (event) => event.name === 'navigationStart' && event.args?.data?.['documentLoaderURL'] === url,
  )
  const last = navigations.at(-1)
  if (!last || last.ts === undefined) {
    throw new Error(`the trace has no navigation to ${url} (was blink.user_timing traced?)`)
  }
  return last
}

/** The samples of the thread that navigated to `url`, from its navigation on. */
export function mainThreadProfile(trace: unknown, url: string): MainThreadProfile {
  const events = traceEvents(trace)
  const navigation = navigationTo(events, url)
  const profile = events.find(
    (event) =>
      event.name === 'Profile' && event.pid === navigation.pid && event.tid === navigation.tid,
  )
  const startTime = profile?.args?.data?.['startTime']
  if (!profile || typeof startTime !== 'number') {
    throw new Error('the trace holds no CPU profile of the page (was v8.cpu_profiler traced?)')
  }
  // The chunks come from V8's sampler thread: they belong to the profile by its id alone.
  const nodes = new Map<number, ProfileNode>()
  const sampleIds: number[] = []
  const deltas: number[] = []
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== profile.pid || event.id !== profile.id) {
      continue
    }
    const data = (event.args?.data ?? {}) as ProfileChunkData
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node)
    sampleIds.push(...(data.cpuProfile?.samples ?? []))
    deltas.push(...(data.timeDeltas ?? []))
  }
  const stackOf = stacks(nodes)
  const samples: Sample[] = []
  let at = startTime
  for (let i = 0; i < sampleIds.length; i++) {
    at += deltas[i] ?? 0
    const atMs = (at - navigation.ts!) / 1000
    const next = deltas[i + 1] ?? 0
    if (atMs < 0) continue
    samples.push({ atMs, durationMs: next / 1000, stack: stackOf(sampleIds[i]!) })
  }
  return { url, samples }
}

function stacks(nodes: ReadonlyMap<number, ProfileNode>): (id: number) => CallFrame[] {
  const memo = new Map<number, CallFrame[]>()
  const stackOf = (id: number): CallFrame[] => {
    const known = memo.get(id)
    if (known) return known
    const node = nodes.get(id)
    if (!node) return []
    const stack = [node.callFrame, ...(node.parent === undefined ? [] : stackOf(node.parent))]
    memo.set(id, stack)
    return stack
  }
  return stackOf
}

export interface Window {
  readonly label: string
  readonly fromMs: number
  readonly toMs: number
}

export interface WindowProfile {
  readonly window: Window
  /** Milliseconds the samples in the window stand for. */
  readonly sampledMs: number
  /** Milliseconds by name with the function innermost: its own time. */
  readonly self: ReadonlyMap<string, number>
  /** Milliseconds by name with the function anywhere on the stack, counted once per sample. */
  readonly inclusive: ReadonlyMap<string, number>
}

/** Where the samples of a window went, each frame named by `nameOf`. */
export function profileWindow(
  samples: readonly Sample[],
  window: Window,
  nameOf: (frame: CallFrame) => string,
): WindowProfile {
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let sampledMs = 0
  for (const sample of samples) {
    if (sample.atMs < window.fromMs || sample.atMs >= window.toMs) continue
    sampledMs += sample.durationMs
    const names = sample.stack.map(nameOf)
    const innermost = names[0] ?? '(unknown)'
    self.set(innermost, (self.get(innermost) ?? 0) + sample.durationMs)
    for (const name of new Set(names)) {
      inclusive.set(name, (inclusive.get(name) ?? 0) + sample.durationMs)
    }
  }
  return { window, sampledMs, self, inclusive }
}

/** The `count` largest entries, largest first. */
export function largest(
  times: ReadonlyMap<string, number>,
  count: number,
): readonly [string, number][] {
  return [...times].sort((a, b) => b[1] - a[1]).slice(0, count)
}
