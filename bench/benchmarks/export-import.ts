import type { Annotation } from '../../src/core/annotations/annotation'
import { exportMarkdown, type MarkdownExportOptions } from '../../src/core/export'
import { fromW3C, toW3C } from '../../src/core/w3c'
import type { Benchmark } from '../harness/benchmark'
import { measured } from '../harness/figure'
import { repeat, timeSync } from '../harness/repeat'
import type { SyntheticSeminar } from '../synthetic-seminar'

/**
 * Issue 7, item 5: Markdown export of 5,000 annotations against `JSON.stringify` of the same, and
 * W3C import of those annotations (written by `toW3C`) against `JSON.parse` of the same text.
 */

const EXPORTED = 5000
const EXPORTED_AT = new Date(Date.UTC(2026, 10, 28, 14, 3, 0))
const IMPORTER = { id: 'u-bench-importer', name: 'Importer' }
const OPTIONS: MarkdownExportOptions = {
  shape: 'seminar-notes',
  groupBy: 'section',
  includeHighlights: true,
  includeResolved: true,
  includeNotebook: false,
}

/** Every highlight and comment, then replies (each to one of them) up to 5,000 in all. */
function exportedAnnotations(seminar: SyntheticSeminar): Annotation[] {
  const all = seminar.students.flatMap((student) => student.annotations)
  const roots = all.filter((annotation) => annotation.kind !== 'reply')
  const replies = all.filter((annotation) => annotation.kind === 'reply')
  return [...roots, ...replies].slice(0, EXPORTED)
}

export const exportImport: Benchmark = {
  name: 'export-import',
  title: 'Export and import',
  needsWebBuild: false,
  async run({ fixtures, choose }) {
    const [article, seminar] = await Promise.all([fixtures.article(), fixtures.seminar()])
    const annotations = exportedAnnotations(seminar)
    const input = { article, annotations, exportedAt: EXPORTED_AT, exporterVersion: 'bench' }
    // Warmed up on a tenth of the input: the whole takes seconds a run.
    const warmUp = { ...input, annotations: annotations.slice(0, EXPORTED / 10) }
    for (let i = 0; i < choose(2, 5); i++) exportMarkdown(warmUp, OPTIONS)
    const runs = await repeat(
      choose({ warmup: 0, runs: 3, budgetMs: 6_000 }, { warmup: 1, runs: 15, budgetMs: 60_000 }),
      () => timeSync(() => exportMarkdown(input, OPTIONS)),
    )
    const floor = await repeat(
      choose({ warmup: 1, runs: 5, budgetMs: 2_000 }, { warmup: 3, runs: 20, budgetMs: 10_000 }),
      () => timeSync(() => JSON.stringify(annotations)),
    )

    const w3cJson = JSON.stringify(toW3C(annotations, { article, exportedAt: EXPORTED_AT }))
    const importOnce = () => {
      const imported = fromW3C(w3cJson, { article, user: IMPORTER, now: EXPORTED_AT })
      if (imported.imported.length !== annotations.length) {
        throw new Error(
          `W3C import kept ${imported.imported.length} of ${annotations.length} annotations.`,
        )
      }
    }
    const importRuns = await repeat(
      choose({ warmup: 1, runs: 3, budgetMs: 6_000 }, { warmup: 2, runs: 15, budgetMs: 60_000 }),
      () => timeSync(importOnce),
    )
    const importFloor = await repeat(
      choose({ warmup: 1, runs: 5, budgetMs: 2_000 }, { warmup: 3, runs: 20, budgetMs: 10_000 }),
      () => timeSync(() => JSON.parse(w3cJson)),
    )
    return [
      measured({
        id: 'export.markdown',
        name: `Markdown export of ${annotations.length.toLocaleString('en-US')} annotations`,
        unit: 'ms',
        runs,
        baseline: { name: 'JSON.stringify', runs: floor },
        target: { kind: 'below', value: 200 },
        note: `exportMarkdown, "seminar notes" grouped by section with highlights, of the synthetic seminar's 4,800 highlights and comments and its first 200 replies, in Node`,
      }),
      measured({
        id: 'import.w3c',
        name: `W3C import of ${annotations.length.toLocaleString('en-US')} annotations`,
        unit: 'ms',
        runs: importRuns,
        baseline: { name: 'JSON.parse', runs: importFloor },
        note: `fromW3C of the same annotations written by toW3C (${(w3cJson.length / 1e6).toFixed(1)} MB of JSON text), parsing and re-anchoring each quote in the article, in Node`,
      }),
    ]
  },
}
