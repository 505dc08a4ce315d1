import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startHamishServer, type RunningServer } from '../e2e/support/hamish-server'
import { prefillFor, readerDocuments } from './browser/reader-documents'
import { loadUntilReady, readyCondition } from './browser/reader-load'
import { Fixtures } from './harness/fixtures'
import { comparePaired, orderInRound } from './harness/paired-runs'
import { runScript } from './harness/run-script'

/*
 * `npm run bench:compare -- <before> <after> [--rounds N] [--loads empty,issue-3]`: opens the
 * reader from two builds of the web app (each a `vite build --outDir <dir>`), alternately, as
 * the Scale benchmark opens it on a first visit, and prints for each load the two medians and
 * the median of the rounds' differences. That difference is what to judge a change by on this
 * machine: both medians drift with its load, by more than most changes are worth.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url))

const USAGE = `usage: npm run bench:compare -- <before> <after> [--rounds N] [--loads empty,issue-3]
  <before> <after>  two built web apps, e.g. \`npx vite build --outDir /tmp/web-main\` on each
                    (\`npm run build\` must have built the server once)
  --rounds N        pairs of loads of each kind (default 8)
  --loads …         empty: the reader with no annotations; issue-3: with issue 3's 5,000,
                    drawn from the first-screen index (default both)`

const LOADS = ['empty', 'issue-3'] as const
type Load = (typeof LOADS)[number]

function log(message: string): void {
  process.stderr.write(`[compare] ${message}\n`)
}

function isLoad(value: string): value is Load {
  return (LOADS as readonly string[]).includes(value)
}

function builtApp(path: string | undefined): string | null {
  if (path === undefined) return null
  const root = resolve(path)
  return existsSync(join(root, 'index.html')) ? root : null
}

const format = (ms: number) => `${Math.round(ms)} ms`.padStart(8)
const signed = (ms: number) => `${ms > 0 ? '+' : ''}${Math.round(ms)} ms`.padStart(9)

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rounds: { type: 'string', default: '8' },
      loads: { type: 'string', default: LOADS.join(',') },
      help: { type: 'boolean', default: false },
    },
  })
  const rounds = Number(values.rounds)
  const loads = [...new Set(values.loads.split(','))]
  const apps = positionals.map(builtApp)
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const [before, after] = apps
  const unknownLoad = loads.find((load) => !isLoad(load))
  let problem: string | null = null
  if (positionals.length !== 2) problem = `two builds are needed, ${positionals.length} given`
  else if (!before || !after) {
    problem = `${positionals[before ? 1 : 0]} is not a built web app (no index.html in it)`
  } else if (!Number.isInteger(rounds) || rounds < 1) {
    problem = `--rounds wants a whole number of at least 1, not ${values.rounds}`
  } else if (unknownLoad !== undefined) problem = `no load is called ${unknownLoad}`
  if (problem !== null || !before || !after) {
    process.stderr.write(`${problem}\n${USAGE}\n`)
    return 2
  }
  if (!existsSync(join(ROOT, 'dist', 'server'))) {
    process.stderr.write('the server is not built: run `npm run build` once first\n')
    return 2
  }

  const fixtures = new Fixtures(join(ROOT, 'dist', 'web'), log)
  const servers: RunningServer[] = []
  try {
    const [browser, article, seminar] = await Promise.all([
      fixtures.browser(),
      fixtures.article(),
      fixtures.readerSeminarAtIssueCount(),
    ])
    const documents = readerDocuments(seminar)
    const highlights = seminar.counts.highlights + seminar.counts.comments
    for (const root of [before, after]) servers.push(await startHamishServer(['--web-root', root]))
    const variants = [0, 1] as const
    const shown = new Map<string, number[]>()
    const interactive = new Map<string, number[]>()
    const record = (into: Map<string, number[]>, key: string, value: number) => {
      const list = into.get(key) ?? []
      list.push(value)
      into.set(key, list)
    }
    for (let round = 0; round < rounds; round++) {
      for (const load of loads as Load[]) {
        for (const variant of orderInRound(round, variants)) {
          const server = servers[variant]!
          const loaded = await loadUntilReady(browser, {
            url: server.url,
            condition: readyCondition(article, load === 'empty' ? 0 : highlights),
            prefill: prefillFor(server.url, load === 'empty' ? documents.empty : documents.seminar),
            log,
          })
          await loaded.close()
          record(shown, `${load}:${variant}`, loaded.shownMs)
          record(interactive, `${load}:${variant}`, loaded.interactiveMs)
        }
      }
      log(`round ${round + 1} of ${rounds}`)
    }
    process.stdout.write(`before: ${before}\nafter:  ${after}\n\n`)
    process.stdout.write(
      `${'load'.padEnd(24)}${'before'.padStart(8)} ${'after'.padStart(8)}  after − before (median of rounds) | each round\n`,
    )
    for (const load of loads) {
      for (const [milestone, runs] of [
        ['text shown', shown],
        ['interactive', interactive],
      ] as const) {
        const compared = comparePaired(runs.get(`${load}:0`)!, runs.get(`${load}:1`)!)
        process.stdout.write(
          `${`${load}, ${milestone}`.padEnd(24)}${format(compared.medianBefore)} ${format(compared.medianAfter)}  ${signed(compared.medianDifference)} | ${compared.differences.map((ms) => Math.round(ms)).join(' ')}\n`,
        )
      }
    }
    return 0
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
    await fixtures.close()
  }
}

runScript(main, log)
