import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Bundles a test's entry point (a server process, a worker) into one runnable file for a child
 * process or worker thread. `name` keeps each test file's bundle apart (each file runs in a
 * worker of its own, possibly at the same time). Written inside the package, so the bundle's
 * imports resolve from node_modules.
 */
export async function bundleForTests(entry: string, name: string): Promise<string> {
  const outfile = join(root, 'node_modules', '.cache', 'hamish-tests', `${name}.mjs`)
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'error',
  })
  return outfile
}
