import type { Benchmark } from '../harness/benchmark'
import { measured } from '../harness/figure'
import { mergedClassUpdate } from '../synthetic-seminar'

const utf8Bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8')

export const documentSize: Benchmark = {
  name: 'document-size',
  title: 'Document size',
  needsWebBuild: false,
  async run({ fixtures }) {
    const seminar = await fixtures.seminar()
    const count = seminar.students.reduce((n, student) => n + student.annotations.length, 0)
    const stored = seminar.students.reduce((n, student) => n + student.classUpdate.byteLength, 0)
    const json = seminar.students.reduce((n, student) => n + utf8Bytes(student.annotations), 0)
    const merged = mergedClassUpdate(seminar).byteLength
    const baseline = { name: 'JSON', runs: [json / count] }
    const target = { kind: 'ratio-at-most', value: 1.5 } as const
    return [
      measured({
        id: 'size.per-annotation',
        name: 'Stored Yjs state per annotation (60 class docs)',
        unit: 'bytes',
        runs: [stored / count],
        baseline,
        target,
        note: `Y.encodeStateAsUpdate of each student's class document, summed, over ${count.toLocaleString('en-US')} annotations (4,800 + 2,000 replies); JSON.stringify of the same annotations as the store lists them, UTF-8 bytes`,
      }),
      measured({
        id: 'size.per-annotation-one-doc',
        name: 'Stored Yjs state per annotation (one doc)',
        unit: 'bytes',
        runs: [merged / count],
        baseline,
        target,
        note: 'the same annotations merged into a single document (Y.mergeUpdates), as the Scale benchmark stores them',
      }),
    ]
  },
}
