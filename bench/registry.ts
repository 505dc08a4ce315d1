import { anchoring } from './benchmarks/anchoring'
import { documentSize } from './benchmarks/document-size'
import { exportImport } from './benchmarks/export-import'
import { open } from './benchmarks/open'
import { scale } from './benchmarks/scale'
import { storage } from './benchmarks/storage'
import { serverColdStart } from './benchmarks/server-cold-start'
import { sync } from './benchmarks/sync'
import type { Benchmark } from './harness/benchmark'

/** The suite, in the order of issue 7 and of the table. */
export const BENCHMARKS: readonly Benchmark[] = [
  open,
  scale,
  sync,
  serverColdStart,
  storage,
  exportImport,
  anchoring,
  documentSize,
]
