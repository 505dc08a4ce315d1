import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExitCode } from './hamish-error'
import {
  annotateAs,
  createSeminarDataDir,
  FIRST_PASSAGE,
  SEMINAR_ID,
  STUDENT_A,
  STUDENT_B,
} from './seminar-export/test-support/seminar-fixture'

/* `hamish export` and `hamish import-annotations` as a shell runs them: the built bundle. */

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = join(root, 'bin', 'hamish.mjs')
const temp = mkdtempSync(join(tmpdir(), 'hamish-export-cli-'))
let data = ''

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], { stdio: 'pipe' })
  data = createSeminarDataDir()
  annotateAs(data, STUDENT_A, ({ store, anchorOn }) => {
    store.createComment({
      anchor: anchorOn(FIRST_PASSAGE),
      body: 'Ali asks',
      tags: [],
      visibility: 'class',
    })
  })
}, 120_000)

afterAll(() => {
  rmSync(temp, { recursive: true, force: true })
  rmSync(data, { recursive: true, force: true })
})

function hamish(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, HAMISH_DEBUG: '' },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const oneLine = (text: string) => expect(text.trimEnd().split('\n')).toHaveLength(1)

describe('hamish export and import-annotations', () => {
  it('exports to stdout and to --out, and imports what it exported', () => {
    const csv = hamish('export', '--data', data, '--seminar', SEMINAR_ID, '--format', 'csv')
    expect(csv.stderr).toBe('')
    expect(csv.status).toBe(0)
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true)

    const file = join(temp, 'ali.jsonld')
    const w3c = hamish(
      'export',
      '--data',
      data,
      '--seminar',
      SEMINAR_ID,
      '-f',
      'w3c',
      '--out',
      file,
    )
    expect(w3c.status).toBe(0)
    expect(w3c.stdout).toBe('')
    expect(readFileSync(file, 'utf8')).toContain('Ali asks')

    const imported = hamish(
      'import-annotations',
      '--data',
      data,
      '--seminar',
      SEMINAR_ID,
      '--user',
      STUDENT_B.userId,
      file,
    )
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    expect(imported.stdout).toMatch(/^1 imported\n/)
    const hers = hamish(
      'export',
      '--data',
      data,
      '--seminar',
      SEMINAR_ID,
      '-f',
      'md',
      '--user',
      STUDENT_B.userId,
    )
    expect(hers.stdout).toContain('Ali asks')
  })

  it('gives one line and the documented exit code for each mistake', () => {
    const cases: [string[], number][] = [
      [['export', '--data', data, '--seminar', 'nope', '-f', 'csv'], ExitCode.noInput],
      [['export', '--data', data, '--seminar', SEMINAR_ID, '-f', 'md'], ExitCode.usage],
      [['export', '--data', data, '--seminar', SEMINAR_ID, '-f', 'pdf'], ExitCode.usage],
      [['export', '--seminar', SEMINAR_ID, '-f', 'csv'], ExitCode.usage],
      [
        [
          'export',
          '--data',
          data,
          '--database',
          'postgres://db/h',
          '--seminar',
          SEMINAR_ID,
          '-f',
          'csv',
        ],
        ExitCode.usage,
      ],
      [
        [
          'export',
          '--data',
          data,
          '--seminar',
          SEMINAR_ID,
          '-f',
          'csv',
          '--out',
          join(temp, 'no', 'x.csv'),
        ],
        ExitCode.cannotCreate,
      ],
      [
        ['export', '--data', join(temp, 'absent'), '--seminar', SEMINAR_ID, '-f', 'csv'],
        ExitCode.noInput,
      ],
    ]
    const malformed = join(temp, 'bad.json')
    writeFileSync(malformed, '[{"type": ')
    cases.push([
      [
        'import-annotations',
        '--data',
        data,
        '--seminar',
        SEMINAR_ID,
        '--user',
        STUDENT_B.userId,
        malformed,
      ],
      ExitCode.dataError,
    ])
    for (const [args, code] of cases) {
      const { status, stdout, stderr } = hamish(...args)
      expect({ args, status }).toEqual({ args, status: code })
      expect(stdout).toBe('')
      expect(stderr).toMatch(/^hamish: /)
      oneLine(stderr)
    }
  })
})
