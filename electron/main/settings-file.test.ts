import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import nodePath from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SettingsFile } from './settings-file'

const Schema = z.object({ width: z.number().int().positive() })

let folder: string
let logged: string[]
const file = (name = 'state.json') =>
  new SettingsFile(nodePath.join(folder, name), Schema, (message) => logged.push(message))

beforeEach(() => {
  folder = mkdtempSync(nodePath.join(tmpdir(), 'hamish-settings-'))
  logged = []
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

describe('SettingsFile', () => {
  it('reads back what it wrote', () => {
    file().write({ width: 1280 })
    expect(file().read()).toEqual({ width: 1280 })
    expect(readdirSync(folder)).toEqual(['state.json'])
  })

  it('has nothing, quietly, before the first write', () => {
    expect(file().read()).toBeNull()
    expect(logged).toEqual([])
  })

  it.each([
    ['a truncated file', '{"width": 12'],
    ['an empty file', ''],
    ['the wrong shape', '{"width": "wide"}'],
    ['a negative size', '{"width": -3}'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('ignores %s, saying so, and is replaced by the next write', (_case, content) => {
    writeFileSync(nodePath.join(folder, 'state.json'), content)
    expect(file().read()).toBeNull()
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^Hamish ignored .*state\.json: /)
    file().write({ width: 900 })
    expect(file().read()).toEqual({ width: 900 })
  })

  it('creates its folder, and logs rather than throws when it cannot write', () => {
    const nested = new SettingsFile(nodePath.join(folder, 'a', 'b', 's.json'), Schema)
    nested.write({ width: 1 })
    expect(JSON.parse(readFileSync(nodePath.join(folder, 'a', 'b', 's.json'), 'utf8'))).toEqual({
      width: 1,
    })
    writeFileSync(nodePath.join(folder, 'blocker'), 'a file where a folder should be')
    const blocked = new SettingsFile(nodePath.join(folder, 'blocker', 's.json'), Schema, (m) =>
      logged.push(m),
    )
    expect(() => blocked.write({ width: 1 })).not.toThrow()
    expect(logged[0]).toMatch(/^Hamish could not save .*s\.json \(/)
  })
})
