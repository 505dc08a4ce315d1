#!/usr/bin/env node
// Starts the built Hamish app in Electron (`npm start`). Electron's npm package fetches its
// binary on first use; where that cannot happen (offline, or a blocked release host) this
// starts the browser version instead, so the article can still be read.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DOWNLOAD_TIMEOUT_MS = 60_000
const BROWSER_URL = 'http://127.0.0.1:4321/'
const userArgs = process.argv.slice(2)

/** The electron package's folder, found without running its index.js (which would download). */
function electronPackageDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** What electron's index.js would return, or null when the binary is not there yet. */
function installedElectronBinary(packageDir) {
  const pathFile = path.join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8')
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist')
  const binary = path.join(distDir, relative)
  return existsSync(binary) ? binary : null
}

/** Runs electron's own installer, bounded in time; resolves to null or the reason it failed. */
function downloadElectron(packageDir) {
  console.log(
    `Electron's binary is not installed yet; downloading it (waiting up to ${DOWNLOAD_TIMEOUT_MS / 1000} s)…`,
  )
  return new Promise((resolve) => {
    const installer = spawn(process.execPath, [path.join(packageDir, 'install.js')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    installer.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => {
      installer.kill()
      resolve(`no answer from its download host within ${DOWNLOAD_TIMEOUT_MS / 1000} s`)
    }, DOWNLOAD_TIMEOUT_MS)
    installer.on('error', (error) => {
      clearTimeout(timer)
      resolve(error.message)
    })
    installer.on('exit', (code) => {
      clearTimeout(timer)
      const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${code}`
      resolve(code === 0 ? null : firstLine.trim().slice(0, 120))
    })
  })
}

/** The article named on the command line, for the browser version (which takes `--article`). */
function articleArgument(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--article') return args[i + 1] ?? null
    if (args[i].startsWith('--article=')) return args[i].slice('--article='.length)
  }
  return args.find((arg) => !arg.startsWith('-')) ?? null
}

function startBrowserVersion(reason) {
  console.error(
    `Hamish cannot start its desktop window here (${reason}), so it is starting the browser version instead: open ${BROWSER_URL}`,
  )
  const article = articleArgument(userArgs)
  const serveArgs = [path.join(packageRoot, 'bin', 'hamish.mjs'), 'serve']
  if (article) serveArgs.push('--article', article)
  runAndExitWith(spawn(process.execPath, serveArgs, { stdio: 'inherit' }))
}

function startElectron(binary) {
  const env = { ...process.env }
  // Would make the binary a plain Node.js and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(binary, [packageRoot, ...userArgs], { stdio: 'inherit', env })
  let fellBack = false
  const fallBack = (reason) => {
    if (fellBack) return
    fellBack = true
    startBrowserVersion(reason)
  }
  child.on('error', (error) => fallBack(`Electron failed to launch: ${error.message}`))
  forwardSignals(child)
  child.on('exit', (code, signal) => {
    if (fellBack) return
    // 127: the loader could not run the binary at all (a missing system library).
    if (code === 127) fallBack('the Electron binary cannot run on this system')
    else process.exit(code ?? (signal ? 1 : 0))
  })
}

function runAndExitWith(child) {
  forwardSignals(child)
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

/** Ctrl-C and termination reach the child, which decides when we exit. */
function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    })
  }
}

async function main() {
  const packageDir = electronPackageDir()
  if (packageDir === null) {
    startBrowserVersion('the electron package is not installed; run `npm install`')
    return
  }
  let binary = installedElectronBinary(packageDir)
  if (binary === null) {
    const failure = await downloadElectron(packageDir)
    binary = installedElectronBinary(packageDir)
    if (binary === null) {
      startBrowserVersion(
        `Electron's binary could not be downloaded: ${failure ?? 'it is still missing'}`,
      )
      return
    }
  }
  startElectron(binary)
}

await main()
