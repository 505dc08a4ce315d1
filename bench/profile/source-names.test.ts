import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { sourceNamer } from './source-names'

const assets = mkdtempSync(join(tmpdir(), 'hamish-source-names-'))
afterAll(() => rmSync(assets, { recursive: true, force: true }))

// One segment each: generated line 1, column 0 → source 0 (or 1), line 1, column 0, name 0.
writeFileSync(
  join(assets, 'app-abc.js.map'),
  JSON.stringify({
    version: 3,
    sources: ['../../app/annotations/MarginColumn.tsx'],
    names: ['measure'],
    mappings: 'AAAAA',
  }),
)
writeFileSync(
  join(assets, 'vendor-def.js.map'),
  JSON.stringify({
    version: 3,
    sources: ['../../node_modules/prosemirror-view/dist/index.js'],
    names: ['coordsAtPos'],
    mappings: 'AAAAA',
  }),
)

describe('sourceNamer', () => {
  const nameOf = sourceNamer(assets)

  it('names a frame of our code by its function and file from the repository root', () => {
    const frame = {
      functionName: 'xQ',
      url: 'http://127.0.0.1:4321/assets/app-abc.js',
      lineNumber: 0,
      columnNumber: 0,
    }
    expect(nameOf(frame)).toBe('measure app/annotations/MarginColumn.tsx:1')
  })

  it("names a package's frame from the package's name on", () => {
    const frame = {
      functionName: 'r',
      url: 'http://127.0.0.1:4321/assets/vendor-def.js',
      lineNumber: 0,
      columnNumber: 0,
    }
    expect(nameOf(frame)).toBe('coordsAtPos prosemirror-view/dist/index.js:1')
  })

  it("keeps V8's name where there is no map, or no place", () => {
    expect(nameOf({ functionName: '(garbage collector)' })).toBe('(garbage collector)')
    const inline = {
      functionName: 'check',
      url: 'http://127.0.0.1:4321/',
      lineNumber: 27,
      columnNumber: 4,
    }
    expect(nameOf(inline)).toBe('check :28')
    const unmapped = {
      functionName: '',
      url: 'http://x/assets/none.js',
      lineNumber: 2,
      columnNumber: 0,
    }
    expect(nameOf(unmapped)).toBe('(anonymous) none.js:3')
  })
})
