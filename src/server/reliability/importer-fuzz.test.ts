import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32, randomInt } from '../../core/seeded-random'
import { SEED, budget } from './test-support/fuzz-budget'
import { maliciousInputs, realSeeds, type Seeds } from './test-support/importer-fixtures'
import { ImporterSandbox, type SandboxResult } from './test-support/importer-sandbox'
import type { Importer } from './test-support/importer-worker'
import { mutateMany, randomBytes } from './test-support/mutations'

/*
 * Every importer (Markdown, HTML, text and paper text, Word, PDF) on random bytes, mutated real
 * files and inputs known to hurt parsers, each in a worker thread with a deadline and a heap
 * limit. An input may be imported or refused with an error worded for the user; it may not
 * crash the importer with any other error, hang it, or exhaust its memory.
 */

const IMPORTERS: Importer[] = ['txt', 'md', 'html', 'docx', 'pdf']
/** Mutated and random inputs per importer (PDFs and Word files are slower to read). */
const INPUTS: Record<Importer, number> = {
  txt: budget(40, 1000),
  md: budget(40, 1000),
  html: budget(40, 1000),
  docx: budget(30, 1000),
  pdf: budget(30, 1000),
}
/** Far above what a real article takes here (the 80 KB paper: about a second). */
const DEADLINE_MS = 20_000

let sandbox: ImporterSandbox
let seeds: Seeds

beforeAll(async () => {
  ;[sandbox, seeds] = await Promise.all([ImporterSandbox.create(), realSeeds()])
}, 60_000)

afterAll(() => sandbox?.close())

function failures(results: [string, SandboxResult][]): string[] {
  return results
    .filter(([, result]) => result.outcome !== 'imported' && result.outcome !== 'refused')
    .map(([name, result]) => `${name}: ${result.outcome} (${result.detail})`)
}

describe('the importers on inputs known to hurt parsers', () => {
  it('import or refuse each, in bounded time and memory', async () => {
    const results: [string, SandboxResult][] = []
    for (const [name, importer, bytes] of maliciousInputs(seeds)) {
      results.push([name, await sandbox.run({ importer, bytes }, DEADLINE_MS)])
    }
    console.log(
      `importer fuzz, malicious: ${JSON.stringify(Object.fromEntries(results.map(([n, r]) => [n, `${r.outcome} ${r.ms} ms`])))}`,
    )
    expect(failures(results)).toEqual([])
  }, 300_000)
})

describe.each(IMPORTERS)('the %s importer on random and mutated files', (importer) => {
  it(`imports or refuses each of ${INPUTS[importer]} (seed ${SEED})`, async () => {
    const random = mulberry32(SEED + IMPORTERS.indexOf(importer))
    const seed = seeds[importer]
    const results: [string, SandboxResult][] = []
    const counts = { imported: 0, refused: 0 }
    for (let i = 0; i < INPUTS[importer]; i++) {
      const bytes =
        i % 5 === 0
          ? randomBytes(random, randomInt(random, 0, 4096))
          : mutateMany(random, seed, randomInt(random, 1, 12))
      const result = await sandbox.run({ importer, bytes }, DEADLINE_MS)
      if (result.outcome === 'imported' || result.outcome === 'refused') counts[result.outcome] += 1
      results.push([`input ${i}`, result])
    }
    const slowest = Math.max(...results.map(([, result]) => result.ms))
    console.log(`importer fuzz, ${importer}: ${JSON.stringify({ ...counts, slowestMs: slowest })}`)
    expect(failures(results)).toEqual([])
  }, 300_000)
})
