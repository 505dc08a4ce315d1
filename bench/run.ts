import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as prettier from 'prettier'
import type { BenchContext, Benchmark } from './harness/benchmark'
import { benchmarksDoc } from './harness/benchmarks-doc'
import { notMeasured, type Figure } from './harness/figure'
import { Fixtures } from './harness/fixtures'
import { currentRevision, describeMachine } from './harness/machine'
import { resultsFile } from './harness/results-file'
import { textTable } from './harness/results-table'
import { summarise } from './harness/summary'
import { ensureFreshBuild } from './harness/web-build'
import { BENCHMARKS } from './registry'

/*
 * `npm run bench [-- --quick] [-- --only <name>]`: runs the registered benchmarks, prints one
 * table on stdout (progress goes to stderr), and writes bench/results.json and
 * docs/benchmarks.md. Exits non-zero when a benchmark failed, after writing what it has.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const RESULTS = join(ROOT, 'bench', 'results.json')
const DOC = join(ROOT, 'docs', 'benchmarks.md')

const USAGE = `usage: npm run bench -- [--quick] [--only <name>]...
  --quick        fewer repetitions: under three minutes
  --only <name>  run only this benchmark (repeatable); prints the table, writes no file
benchmarks: ${BENCHMARKS.map((benchmark) => benchmark.name).join(', ')}`

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}

function selectBenchmarks(only: readonly string[]): readonly Benchmark[] {
  if (only.length === 0) return BENCHMARKS
  const unknown = only.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name))
  if (unknown.length > 0) throw new Error(`no such benchmark: ${unknown.join(', ')}\n${USAGE}`)
  return BENCHMARKS.filter((benchmark) => only.includes(benchmark.name))
}

interface Outcome {
  readonly figures: readonly Figure[]
  readonly failed: boolean
}

async function runOne(benchmark: Benchmark, context: BenchContext): Promise<Outcome> {
  const start = performance.now()
  log(`${benchmark.title}…`)
  try {
    const figures = await benchmark.run(context)
    log(`${benchmark.title}: ${((performance.now() - start) / 1000).toFixed(1)} s`)
    return { figures, failed: false }
  } catch (error) {
    log(
      `${benchmark.title} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    const figure = notMeasured({
      id: `${benchmark.name}.failed`,
      name: benchmark.title,
      reason: `the benchmark failed (${reason})`,
    })
    return { figures: [figure], failed: true }
  }
}

async function writeFormatted(
  path: string,
  text: string,
  parser: 'json' | 'markdown',
): Promise<void> {
  const options = (await prettier.resolveConfig(path)) ?? {}
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, await prettier.format(text, { ...options, parser }))
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const selected = selectBenchmarks(values.only)
  const quick = values.quick
  const started = new Date()
  const runStart = performance.now()
  if (selected.some((benchmark) => benchmark.needsWebBuild)) await ensureFreshBuild(ROOT, log)

  const fixtures = new Fixtures(join(ROOT, 'dist', 'web'), log)
  const context: BenchContext = {
    quick,
    fixtures,
    choose: (quickValue, fullValue) => (quick ? quickValue : fullValue),
    log,
  }
  const figures: Figure[] = []
  let failed = false
  try {
    for (const benchmark of selected) {
      const outcome = await runOne(benchmark, context)
      failed ||= outcome.failed
      figures.push(...outcome.figures)
    }
  } finally {
    await fixtures.close()
  }

  const summaries = figures.map(summarise)
  process.stdout.write(`${textTable(summaries)}\n`)
  log(`done in ${((performance.now() - runStart) / 1000).toFixed(1)} s`)
  if (values.only.length > 0) {
    log('--only: bench/results.json and docs/benchmarks.md left as they were')
    return failed ? 1 : 0
  }
  const results = resultsFile({
    date: started,
    quick,
    revision: currentRevision(ROOT),
    machine: describeMachine(fixtures.chromiumVersion()),
    figures,
    summaries,
  })
  await writeFormatted(RESULTS, JSON.stringify(results), 'json')
  await writeFormatted(DOC, benchmarksDoc(results, summaries), 'markdown')
  log(`wrote ${RESULTS} and ${DOC}`)
  return failed ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  },
)
