#!/usr/bin/env node
// The `hamish` command. Kept to syntax any Node since 14.8 can parse, so that an old Node prints
// the version message below rather than a syntax error.
import { existsSync } from 'node:fs'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(
    `hamish: needs Node.js 22.13 or newer, but this is Node.js ${process.versions.node}; install a current Node.js from https://nodejs.org.\n`,
  )
  process.exit(1)
}

const cli = new URL('../dist/server/cli.mjs', import.meta.url)
if (!existsSync(cli)) {
  process.stderr.write('hamish: the command is not built yet: run `npm run build` first.\n')
  process.exit(1)
}
if (process.env.HAMISH_DEBUG === '1') process.setSourceMapsEnabled(true)

const { runCli } = await import(cli.href)
await runCli(process.argv)
