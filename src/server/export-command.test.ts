import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { afterEach, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { runExport, seminarExport, type ExportCommandOptions } from './export-command'
import { ExitCode, HamishError } from './hamish-error'
import { openSeminarDatabase } from './seminar/seminar-database'
import {
  annotateAs,
  createSeminarDataDir,
  FIRST_PASSAGE,
  FIRST_SECTION,
  INSTRUCTOR,
  SECOND_PASSAGE,
  SECOND_SECTION,
  SEMINAR_ID,
  STUDENT_A,
  STUDENT_B,
} from './seminar-export/test-support/seminar-fixture'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o700)
    rmSync(dir, { recursive: true, force: true })
  }
})

const EXPORTED_AT = new Date('2026-03-02T10:00:00.000Z')
const HOSTILE = 'see # not a heading\n> not a quote | pipe `code` <b>html</b>'

function seminarWithNotes(settings = {}): string {
  const dataDir = createSeminarDataDir(undefined, settings)
  dirs.push(dataDir)
  annotateAs(dataDir, STUDENT_A, ({ store, anchorOn }) => {
    const comment = store.createComment({
      anchor: anchorOn(FIRST_PASSAGE),
      body: HOSTILE,
      tags: ['question'],
      visibility: 'class',
    })
    store.createHighlight({ anchor: anchorOn(SECOND_PASSAGE), visibility: 'private' })
    store.createComment({
      anchor: anchorOn(SECOND_PASSAGE),
      body: 'for the teacher only',
      tags: [],
      visibility: 'instructors',
    })
    void comment
  })
  annotateAs(dataDir, STUDENT_B, ({ store, anchorOn }) => {
    store.createComment({
      anchor: anchorOn(SECOND_PASSAGE),
      body: 'Huda on the second section',
      tags: [],
      visibility: 'class',
    })
  })
  return dataDir
}

function exportText(options: Omit<ExportCommandOptions, 'data' | 'seminar'>, data: string): string {
  return seminarExport({ data, seminar: SEMINAR_ID, now: () => EXPORTED_AT, ...options }, '9.9.9')
}

function parseMarkdown(markdown: string): { frontMatter: unknown; tree: Root } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  if (!match) throw new Error('no front matter')
  return {
    frontMatter: parseYaml(match[1] ?? ''),
    tree: fromMarkdown(markdown.slice(match[0].length), {
      extensions: [gfm()],
      mdastExtensions: [gfmFromMarkdown()],
    }),
  }
}

/** The text a node holds, as mdast-util-to-string gives it. */
function toString(node: Root | RootContent): string {
  if ('value' in node) return node.value
  return 'children' in node ? node.children.map((child) => toString(child)).join('') : ''
}

function nodesOfType(tree: Root, type: RootContent['type']): RootContent[] {
  const found: RootContent[] = []
  const visit = (node: Root | RootContent) => {
    if (node.type === type) found.push(node as RootContent)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return found
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

describe('hamish export', () => {
  it("writes a student's own notes, private ones included, and nobody else's", () => {
    const markdown = exportText({ format: 'md', user: STUDENT_A.userId }, seminarWithNotes())
    const { frontMatter, tree } = parseMarkdown(markdown)
    expect(frontMatter).toMatchObject({ seminar: expect.anything(), exporter: expect.anything() })
    const headings = nodesOfType(tree, 'heading').map((node) => toString(node))
    expect(headings).toEqual(expect.arrayContaining([FIRST_SECTION, SECOND_SECTION]))
    const quotes = nodesOfType(tree, 'blockquote').map((node) => toString(node))
    expect(quotes).toContain(FIRST_PASSAGE)
    expect(quotes).toContain(SECOND_PASSAGE)
    expect(markdown).toContain('for the teacher only')
    expect(markdown).not.toContain('Huda on the second section')
    // The hostile comment stays text: no heading, quote or table of its own.
    expect(headings.some((heading) => heading.includes('not a heading'))).toBe(false)
    expect(nodesOfType(tree, 'table')).toHaveLength(0)
    expect(nodesOfType(tree, 'html')).toHaveLength(0)
  })

  it('writes the seminar notes an instructor reads: class and instructor notes, never private', () => {
    const markdown = exportText({ format: 'md-seminar' }, seminarWithNotes())
    const { tree } = parseMarkdown(markdown)
    expect(nodesOfType(tree, 'heading').map((node) => toString(node))).toEqual(
      expect.arrayContaining([FIRST_SECTION, SECOND_SECTION]),
    )
    expect(markdown).toContain('Huda on the second section')
    expect(markdown).toContain('for the teacher only')
    const items = nodesOfType(tree, 'listItem').map((node) => toString(node))
    // Student A's private highlight has no comment and is not theirs to show.
    expect(items.filter((item) => item.includes('Highlight'))).toHaveLength(0)
  })

  it('hides what another student may not read when exporting as a student', () => {
    const markdown = exportText(
      { format: 'md-seminar', user: STUDENT_B.userId },
      seminarWithNotes({ anonymousToPeers: true }),
    )
    expect(markdown).not.toContain('for the teacher only')
    expect(markdown).toContain('Huda on the second section')
    expect(markdown).not.toContain(STUDENT_A.name)
  })

  it("writes the instructor's collection with a summary table per student", () => {
    const markdown = exportText({ format: 'md-collection' }, seminarWithNotes())
    const { tree } = parseMarkdown(markdown)
    const tables = nodesOfType(tree, 'table')
    expect(tables.length).toBeGreaterThan(0)
    const table = toString(tables[0] as RootContent)
    expect(table).toContain(STUDENT_A.name)
    expect(table).toContain(STUDENT_B.name)
  })

  it('writes the grading CSV with a byte-order mark and a row per student', () => {
    const csv = exportText({ format: 'csv' }, seminarWithNotes())
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = csv.slice(1).trim().split(/\r?\n/)
    expect(rows).toHaveLength(3)
    expect(rows.filter((row) => row.startsWith(STUDENT_A.name))).toHaveLength(1)
    expect(rows.filter((row) => row.startsWith(STUDENT_B.name))).toHaveLength(1)
    expect(rows.some((row) => row.startsWith(INSTRUCTOR.name))).toBe(false)
  })

  it('writes W3C JSON-LD with one item per readable annotation', () => {
    const json = JSON.parse(exportText({ format: 'w3c' }, seminarWithNotes()))
    expect(json.type).toBe('AnnotationCollection')
    const items = json.first.items as { body?: { value: string }[] }[]
    expect(items).toHaveLength(3)
    expect(JSON.stringify(items)).toContain('Huda on the second section')
  })

  it('writes --out whole, leaving no temporary file beside it', async () => {
    const data = seminarWithNotes()
    const out = join(data, 'exports')
    mkdirSync(out)
    const file = join(out, 'notes.csv')
    writeFileSync(file, 'old')
    await runExport({ data, seminar: SEMINAR_ID, format: 'csv', out: file })
    expect(readFileSync(file, 'utf8').startsWith('\uFEFF')).toBe(true)
    expect(readdirSync(out)).toEqual(['notes.csv'])
  })

  it('refuses an --out folder that does not exist or cannot be written, writing nothing', async () => {
    const data = seminarWithNotes()
    const missing = runExport({
      data,
      seminar: SEMINAR_ID,
      format: 'csv',
      out: join(data, 'nowhere', 'notes.csv'),
    })
    await expect(missing).rejects.toMatchObject({ exitCode: ExitCode.cannotCreate })
    await expect(missing).rejects.toThrow(/does not exist/)
    if (process.getuid?.() !== 0) {
      const locked = join(data, 'locked')
      mkdirSync(locked)
      chmodSync(locked, 0o500)
      dirs.push(locked)
      await expect(
        runExport({ data, seminar: SEMINAR_ID, format: 'csv', out: join(locked, 'notes.csv') }),
      ).rejects.toMatchObject({ exitCode: ExitCode.cannotCreate })
      expect(readdirSync(locked)).toEqual([])
    }
  })

  it('refuses an unknown seminar, an unknown user, a missing data folder and md without --user', () => {
    const data = seminarWithNotes()
    const unknown = failure(() => seminarExport({ data, seminar: 'nope', format: 'csv' }, '1'))
    expect(unknown.exitCode).toBe(ExitCode.noInput)
    expect(unknown.message).toMatch(/no seminar "nope"/)
    const nobody = failure(() => exportText({ format: 'md', user: 'ghost' }, data))
    expect(nobody.message).toMatch(/no member "ghost"/)
    const noData = failure(() => exportText({ format: 'csv' }, join(data, 'missing')))
    expect(noData.exitCode).toBe(ExitCode.noInput)
    const noUser = failure(() => exportText({ format: 'md' }, data))
    expect(noUser.exitCode).toBe(ExitCode.usage)
    expect(noUser.message).toMatch(/--user/)
  })

  it('refuses a data folder a running server holds', () => {
    const data = seminarWithNotes()
    const server = openSeminarDatabase(data)
    try {
      const busy = failure(() => exportText({ format: 'csv' }, data))
      expect(busy.exitCode).toBe(ExitCode.unavailable)
      expect(busy.message).toMatch(/seminar server is running/)
    } finally {
      server.close()
    }
  })
})
