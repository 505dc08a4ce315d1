// Bundles the Node-side entry points (the CLI, the Electron main and preload) with esbuild.
// `vite build` builds the renderer into dist/web; this script builds everything that runs in Node.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * One line per entry point. `options` are esbuild options for that entry alone. An entry whose
 * source does not exist (yet) is skipped, so this list may name entries before their code lands.
 *
 * Shape of an entry: { source: 'path/to/entry.ts', outfile: 'dist/…', options: { format, … } }
 */
const entries = [
  {
    source: 'src/server/cli.ts',
    outfile: 'dist/server/cli.mjs',
    // Dependencies stay imports, resolved from node_modules at run time: bundling them gains
    // nothing for a CLI that is installed with its node_modules.
    options: { format: 'esm', packages: 'external' },
  },
  // Self-contained: the packaged app ships dist/ without relying on node_modules. The server code
  // it bundles falls back to `__filename` where `import.meta` is empty in CommonJS.
  {
    source: 'electron/main/main.ts',
    outfile: 'dist/electron/main.cjs',
    options: {
      format: 'cjs',
      external: ['electron'],
      logOverride: { 'empty-import-meta': 'silent' },
    },
  },
  // A sandboxed preload may require only `electron`; everything else must be bundled in.
  {
    source: 'electron/preload/preload.ts',
    outfile: 'dist/electron/preload.cjs',
    options: { format: 'cjs', external: ['electron'] },
  },
]

/** Settings every Node entry shares. */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
}

for (const entry of entries) {
  if (!existsSync(new URL(`../${entry.source}`, import.meta.url))) {
    console.log(`build-node: skipped ${entry.outfile}: ${entry.source} does not exist yet`)
    continue
  }
  try {
    await build({
      ...common,
      ...entry.options,
      entryPoints: [entry.source],
      outfile: entry.outfile,
    })
  } catch {
    // esbuild has already printed the errors, with their file and line.
    process.exitCode = 1
    break
  }
  console.log(`build-node: built ${entry.outfile}`)
}
