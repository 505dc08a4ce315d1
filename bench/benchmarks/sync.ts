import type { Benchmark } from '../harness/benchmark'
import { notMeasured } from '../harness/figure'

const REASON = 'the sync server is not built'

/** Issue 7, item 3: waits for the Hamish sync server; the rows keep its place in the table. */
export const sync: Benchmark = {
  name: 'sync',
  title: 'Sync',
  needsWebBuild: false,
  run: () =>
    Promise.resolve([
      notMeasured({
        id: 'sync.propagation-p95',
        name: 'Sync: propagation p95, 100 members',
        reason: REASON,
        unit: 'ms',
        target: { kind: 'below', value: 50 },
      }),
      notMeasured({
        id: 'sync.converge',
        name: 'Sync: time to converge',
        reason: REASON,
      }),
      notMeasured({
        id: 'sync.server-cpu',
        name: 'Sync: server CPU seconds',
        reason: REASON,
        target: { kind: 'ratio-at-most', value: 1.2 },
      }),
      notMeasured({ id: 'sync.server-rss', name: 'Sync: server peak RSS', reason: REASON }),
    ]),
}

/** Issue 7, item 4 (first half): the server's storage does not exist yet either. */
export const serverColdStart: Benchmark = {
  name: 'server-storage',
  title: 'Server cold start',
  needsWebBuild: false,
  run: () =>
    Promise.resolve([
      notMeasured({
        id: 'storage.server-cold-start',
        name: 'Server cold start, 100 seminars stored',
        reason: REASON,
      }),
    ]),
}
