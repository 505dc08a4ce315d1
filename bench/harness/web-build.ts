import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** What `npm run build` reads: a change to any of these makes the build stale. */
const SOURCES = ['app', 'src', 'resources', 'scripts', 'vite.config.ts', 'package.json']
/** What it writes and the benchmarks serve. */
const OUTPUTS = ['dist/web/index.html', 'dist/server/cli.mjs']
const MAX_FILES = 20_000

/** The newest modification time under a path (a file, or a folder walked recursively). */
async function newestMtime(path: string, budget: { files: number }): Promise<number> {
  let info
  try {
    info = await stat(path)
  } catch {
    return 0
  }
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || --budget.files < 0) continue
    newest = Math.max(newest, await newestMtime(join(path, entry), budget))
  }
  return newest
}

async function oldestOutput(root: string): Promise<number> {
  const times = await Promise.all(
    OUTPUTS.map(async (output) => {
      try {
        return (await stat(join(root, output))).mtimeMs
      } catch {
        return 0
      }
    }),
  )
  return Math.min(...times)
}

/** Runs `npm run build` when the web app or CLI is missing or older than its sources. */
export async function ensureFreshBuild(
  root: string,
  log: (message: string) => void,
): Promise<void> {
  const budget = { files: MAX_FILES }
  const sources = Math.max(
    ...(await Promise.all(SOURCES.map((s) => newestMtime(join(root, s), budget)))),
  )
  if ((await oldestOutput(root)) > sources) return
  log('the build is missing or older than its sources: running npm run build')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  await new Promise<void>((resolve, reject) => {
    const child = spawn(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`)),
    )
  })
}
