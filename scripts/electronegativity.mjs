#!/usr/bin/env node
// Runs Electronegativity (Doyensec's checker for Electron security anti-patterns) over the
// shell's source (`electron/`) and, once `npm run build` has run, the built renderer
// (`dist/web`), offline. It fails on any finding above LOW that `electronegativity.json` does not
// justify, and on a justification that no longer matches a finding (so the list stays true).
//
// Why the source and not `dist/electron`: Electronegativity 1.10 reads only .js/.ts/.html files
// and its parser stops at the bundles' newer syntax (class private fields in the libraries), so
// a scan of main.cjs would silently check nothing. The bundles add library code only; every
// BrowserWindow, session and IPC setting is in `electron/`.
//
// Offline: the tool fetches translations at start and the "available security fixes" check
// fetches Electron's release list. The check is excluded, and the HTTP client it would use is
// replaced, before the tool loads, by one that fails at once, so no request ever leaves.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CONFIG = path.join(root, 'electronegativity.json')
const require = createRequire(import.meta.url)

/** Findings at these severities need a justification; LOW and INFORMATIONAL are reported only. */
const BLOCKING = new Set(['MEDIUM', 'HIGH'])

function loadJustifications() {
  const config = JSON.parse(readFileSync(CONFIG, 'utf8'))
  if (!Array.isArray(config.justifications)) {
    throw new Error(`${CONFIG}: "justifications" must be a list.`)
  }
  for (const entry of config.justifications) {
    if (typeof entry.check !== 'string' || typeof entry.reason !== 'string' || !entry.reason) {
      throw new Error(`${CONFIG}: each justification needs a "check" and a one-line "reason".`)
    }
    if (entry.reason.includes('\n')) throw new Error(`${CONFIG}: a reason is one line.`)
  }
  return config.justifications
}

/** Makes the tool's HTTP client fail at once, before any module of the tool has loaded it. */
function cutNetwork(toolEntry) {
  const toolRequire = createRequire(toolEntry)
  const gotPath = toolRequire.resolve('got')
  const offline = () => Promise.reject(new Error('Hamish runs Electronegativity offline.'))
  offline.head = offline
  offline.get = offline
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline }
}

/** One folder holding what is scanned, so the global checks see main, preload and renderer together. */
async function assembleInput() {
  const input = mkdtempSync(path.join(tmpdir(), 'hamish-electronegativity-'))
  cpSync(path.join(root, 'electron'), path.join(input, 'electron'), {
    recursive: true,
    // Tests set up fake senders and windows on purpose; they are not the app.
    filter: (source) => !source.endsWith('.test.ts'),
  })
  const web = path.join(root, 'dist', 'web')
  const withRenderer = existsSync(path.join(web, 'index.html'))
  if (withRenderer) {
    cpSync(web, path.join(input, 'dist', 'web'), { recursive: true })
    await lowerForTheTool(path.join(input, 'dist', 'web'))
  }
  return { input, withRenderer }
}

/**
 * The tool's tree walker stops at ES2022 class static blocks (the sync provider has one), and
 * a file it cannot walk is a file it does not check. The copy it scans is rewritten by esbuild
 * with static blocks lowered to ES2021 code of the same meaning; the shipped bundle is untouched.
 */
async function lowerForTheTool(folder) {
  const { transform } = await import('esbuild')
  for (const entry of readdirSync(folder, { recursive: true })) {
    const file = path.join(folder, String(entry))
    if (!file.endsWith('.js')) continue
    const lowered = await transform(readFileSync(file, 'utf8'), {
      loader: 'js',
      format: 'esm',
      target: 'es2021',
      supported: { 'top-level-await': true },
    })
    writeFileSync(file, lowered.code)
  }
}

function electronVersion() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  const range = manifest.devDependencies?.electron ?? manifest.dependencies?.electron
  return String(range).replace(/^[^\d]*/, '')
}

const where = (issue) =>
  issue.file === 'N/A' ? 'the whole app' : `${issue.file}:${issue.location.line}`

async function main() {
  const justifications = loadJustifications()
  const toolEntry = require.resolve('@doyensec/electronegativity')
  cutNetwork(toolEntry)
  const tool = require(toolEntry)
  const run = tool.default ?? tool

  const { input, withRenderer } = await assembleInput()
  // The tool prints a line when its translation download fails; that is expected here.
  const print = console.log
  console.log = () => {}
  let result
  try {
    result = await run(
      {
        input,
        customScan: [],
        excludeFromScan: ['availablesecurityfixesglobalcheck'],
        electronVersionOverride: electronVersion(),
        isRelative: true,
        isVerbose: false,
        parserPlugins: [],
      },
      false,
    )
  } finally {
    console.log = print
    rmSync(input, { recursive: true, force: true })
  }

  let failed = false
  for (const error of result.errors.filter((error) => !error.tolerable)) {
    console.error(`electronegativity: could not parse ${error.file}: ${error.message}`)
    failed = true
  }

  const used = new Set()
  const unjustified = []
  for (const issue of result.issues) {
    if (!BLOCKING.has(issue.severity.name)) continue
    const file = issue.file === 'N/A' ? undefined : issue.file
    const match = justifications.find((entry) => entry.check === issue.id && entry.file === file)
    if (match) {
      used.add(match)
      console.log(
        `justified  ${issue.id} (${issue.severity.name}) in ${where(issue)}: ${match.reason}`,
      )
    } else {
      unjustified.push(issue)
    }
  }
  for (const issue of unjustified) {
    console.error(
      `FINDING    ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) in ${where(issue)}: ${issue.shortenedURL ?? ''}`,
    )
    failed = true
  }
  for (const entry of justifications.filter((entry) => !used.has(entry))) {
    console.error(
      `STALE      the justification of ${entry.check}${entry.file ? ` in ${entry.file}` : ''} matches no finding; remove it from electronegativity.json.`,
    )
    failed = true
  }

  const minor = result.issues.filter((issue) => !BLOCKING.has(issue.severity.name)).length
  console.log(
    `electronegativity: ${result.atomicChecks} file checks and ${result.globalChecks} app-wide checks over electron/${withRenderer ? ' and dist/web' : ' (no dist/web: run `npm run build` to include the renderer)'}; ` +
      `${unjustified.length} unjustified finding(s) above LOW, ${minor} at LOW or below.`,
  )
  process.exitCode = failed ? 1 : 0
}

await main()
