import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { prefillFor, readerScene } from './browser/reader-documents'
import { loadUntilReady, readyCondition } from './browser/reader-load'
import { Fixtures } from './harness/fixtures'
import { runScript } from './harness/run-script'
import { ensureFreshBuild } from './harness/web-build'
import { largest, mainThreadProfile, profileWindow, type WindowProfile } from './profile/cpu-trace'
import { sourceNamer } from './profile/source-names'

/*
 * `npm run profile:open [-- --empty] [-- --returning] [-- --top N] [-- --save trace.json]`: opens
 * the reader as the Scale benchmark does (the seed article, and unless --empty the synthetic
 * seminar's 4,800 annotations), traced, and prints where the page's main thread spent its time
 * before the text showed and between that and the first screen being interactive, by function
 * in the sources. Tracing slows the page by about half: read the shares, not the milliseconds.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const WEB_ROOT = join(ROOT, 'dist', 'web')
const ASSETS = join(WEB_ROOT, 'assets')

const USAGE = `usage: npm run profile:open -- [--empty] [--returning] [--top N] [--save <trace.json>]
  --empty        the reader with no annotations
  --returning    the page's third open in one profile (cached scripts and compiled code)
  --top N        how many functions each list shows (default 25)
  --save <file>  also write the raw trace, for chrome://tracing or DevTools' Performance panel`

const CATEGORIES = [
  'devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
]
/** Frames of React's and its scheduler's own machinery: on every stack, they say nothing. */
const FRAMEWORK = /react-dom|scheduler|react\.production|^\(root\)/
const RETURNING_VISITS = 2

function log(message: string): void {
  process.stderr.write(`[profile] ${message}\n`)
}

function printWindow(profile: WindowProfile, top: number): void {
  const { window } = profile
  const span = `${Math.round(window.fromMs)}–${Math.round(window.toMs)} ms`
  const lines = [`== ${window.label} (${span}): ${Math.round(profile.sampledMs)} ms sampled`]
  const list = (title: string, rows: readonly [string, number][]) => {
    lines.push(`-- ${title}`)
    for (const [name, ms] of rows) lines.push(`${ms.toFixed(1).padStart(8)}  ${name}`)
  }
  list('own time', largest(profile.self, top))
  const inclusive = new Map([...profile.inclusive].filter(([name]) => !FRAMEWORK.test(name)))
  list('with what it calls (React and its scheduler left out)', largest(inclusive, top))
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      empty: { type: 'boolean', default: false },
      returning: { type: 'boolean', default: false },
      top: { type: 'string', default: '25' },
      save: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const top = Number(values.top)
  if (values.help || !Number.isInteger(top) || top < 1) {
    process.stdout.write(`${USAGE}\n`)
    return values.help ? 0 : 2
  }
  await ensureFreshBuild(ROOT, log)
  const fixtures = new Fixtures(WEB_ROOT, log)
  try {
    const { browser, server, article, seminar, documents } = await readerScene(fixtures)
    const highlights = values.empty ? 0 : seminar.counts.highlights + seminar.counts.comments
    let trace: Buffer | null = null
    const loaded = await loadUntilReady(browser, {
      url: server.url,
      condition: readyCondition(article, highlights),
      prefill: prefillFor(server.url, values.empty ? documents.empty : documents.seminar),
      visitsBefore: values.returning ? RETURNING_VISITS : 0,
      log,
      trace: { categories: CATEGORIES, onTrace: (recorded) => (trace = recorded) },
    })
    await loaded.close()
    if (trace === null) throw new Error('the browser returned no trace')
    if (values.save) {
      await writeFile(values.save, trace)
      log(`trace written to ${values.save}`)
    }
    const { samples } = mainThreadProfile(JSON.parse(String(trace)), server.url)
    process.stdout.write(
      `traced: text shown ${Math.round(loaded.shownMs)} ms, interactive ${Math.round(loaded.interactiveMs)} ms, every highlight ${Math.round(loaded.readyMs)} ms\n\n`,
    )
    const nameOf = sourceNamer(ASSETS)
    const windows = [
      { label: 'navigation → text shown', fromMs: 0, toMs: loaded.shownMs },
      { label: 'text shown → interactive', fromMs: loaded.shownMs, toMs: loaded.interactiveMs },
    ]
    // Without annotations the page is interactive the frame its text shows: nothing between.
    for (const window of windows.filter(({ fromMs, toMs }) => toMs > fromMs)) {
      printWindow(profileWindow(samples, window, nameOf), top)
    }
    return 0
  } finally {
    await fixtures.close()
  }
}

runScript(main, log)
