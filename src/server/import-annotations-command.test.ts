import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { seminarExport } from './export-command'
import { ExitCode, HamishError } from './hamish-error'
import { importAnnotations, importReportText } from './import-annotations-command'
import {
  annotateAs,
  createSeminarDataDir,
  FIRST_PASSAGE,
  SECOND_PASSAGE,
  SEMINAR_ID,
  STUDENT_A,
  STUDENT_B,
} from './seminar-export/test-support/seminar-fixture'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function seminarWithNotesOfA(): string {
  const dataDir = createSeminarDataDir()
  dirs.push(dataDir)
  annotateAs(dataDir, STUDENT_A, ({ store, anchorOn }) => {
    const comment = store.createComment({
      anchor: anchorOn(FIRST_PASSAGE),
      body: 'Ali asks about **this**',
      tags: ['question'],
      color: 'green',
      visibility: 'class',
    })
    store.reply({ to: comment, body: 'and answers himself' })
    store.createHighlight({ anchor: anchorOn(SECOND_PASSAGE), visibility: 'class' })
  })
  return dataDir
}

function exportOf(data: string, format: 'w3c' | 'md', user?: string): string {
  return seminarExport({ data, seminar: SEMINAR_ID, format, user }, '9.9.9')
}

function failure(run: () => unknown): HamishError {
  try {
    run()
  } catch (error) {
    if (error instanceof HamishError) return error
    throw error
  }
  throw new Error('expected a HamishError')
}

describe('hamish import-annotations', () => {
  it("round-trips an export into another member's notes, anchored and in the store", () => {
    const data = seminarWithNotesOfA()
    const file = join(data, 'ali.jsonld')
    writeFileSync(file, exportOf(data, 'w3c', STUDENT_A.userId))

    const result = importAnnotations({ data, seminar: SEMINAR_ID, user: STUDENT_B.userId, file })
    expect(result.outcome.written.map((annotation) => annotation.kind)).toEqual([
      'comment',
      'highlight',
      'reply',
    ])
    expect(result.outcome.refused).toEqual([])
    expect(importReportText(result)).toMatch(/^3 imported\n0 not anchored\n/)

    // Read back from the store alone: Huda now holds copies with their own ids.
    const after = JSON.parse(exportOf(data, 'w3c', STUDENT_B.userId)).first.items as {
      id: string
      creator: { name: string }
      body?: { value?: string }[] | { value?: string }
      target: unknown
    }[]
    const hers = after.filter((item) => item.creator.name === STUDENT_B.name)
    expect(hers).toHaveLength(3)
    const text = JSON.stringify(hers)
    expect(text).toContain('Ali asks about **this**')
    expect(text).toContain('and answers himself')
    expect(text).toContain(FIRST_PASSAGE)
    expect(text).toContain('question')
    expect(new Set(after.map((item) => item.id)).size).toBe(after.length)
    const createdOf = (name: string) =>
      after
        .filter((item) => item.creator.name === name)
        .map((item) => (item as unknown as { created: string }).created)
        .sort()
    expect(createdOf(STUDENT_B.name)).toEqual(createdOf(STUDENT_A.name))
    expect(exportOf(data, 'md', STUDENT_B.userId)).toContain(`> ${FIRST_PASSAGE}`)
  })

  it('reports quotes that match nothing and stores nothing for them', () => {
    const data = seminarWithNotesOfA()
    const exported = exportOf(data, 'w3c', STUDENT_A.userId).replaceAll(
      FIRST_PASSAGE,
      'نص لا يوجد في هذه المقالة على الإطلاق',
    )
    const file = join(data, 'moved.jsonld')
    writeFileSync(file, exported)
    const result = importAnnotations({ data, seminar: SEMINAR_ID, user: STUDENT_B.userId, file })
    expect(result.outcome.written.map((annotation) => annotation.kind)).toEqual(['highlight'])
    const report = importReportText(result)
    expect(report).toMatch(/^1 imported\n/)
    expect(report).toMatch(/\n2 not anchored\n {2}"نص لا يوجد/)
    expect(exportOf(data, 'md', STUDENT_B.userId)).not.toContain('Ali asks')
  })

  it('refuses malformed JSON, the wrong shape, a missing file, an unknown user and seminar', () => {
    const data = seminarWithNotesOfA()
    const run = (file: string, user = STUDENT_B.userId, seminar = SEMINAR_ID) =>
      failure(() => importAnnotations({ data, seminar, user, file }))
    const malformed = join(data, 'bad.json')
    writeFileSync(malformed, '{"items": [')
    expect(run(malformed).exitCode).toBe(ExitCode.dataError)
    expect(run(malformed).message).not.toContain('\n')
    const wrong = join(data, 'wrong.json')
    writeFileSync(wrong, '{"hello": "world"}')
    expect(run(wrong).exitCode).toBe(ExitCode.dataError)
    expect(run(join(data, 'absent.json')).exitCode).toBe(ExitCode.noInput)
    const good = join(data, 'good.jsonld')
    writeFileSync(good, exportOf(data, 'w3c', STUDENT_A.userId))
    expect(run(good, 'ghost').message).toMatch(/no member "ghost"/)
    expect(run(good, STUDENT_B.userId, 'nope').message).toMatch(/no seminar "nope"/)
    // Nothing was written by any of the refused imports.
    expect(exportOf(data, 'md', STUDENT_B.userId)).not.toContain('Ali asks')
  })
})
