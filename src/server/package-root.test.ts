import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BUNDLED_ARTICLE_FILE_NAME, bundledArticlePath } from './bundled-article'
import { findHamishPackage } from './package-root'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

describe('findHamishPackage', () => {
  it('finds the package from a file deep inside it', () => {
    const found = findHamishPackage(join(repoRoot, 'dist', 'server', 'cli.mjs'))
    expect(join(found.root, '/')).toBe(join(repoRoot, '/'))
    expect(found.version).toBe(
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version,
    )
  })

  it('says so when there is no Hamish package above', () => {
    expect(() => findHamishPackage('/')).toThrow(/no package.json named "hamish"/)
  })
})

describe('bundledArticlePath', () => {
  it('points at the shipped article in the package', () => {
    const path = bundledArticlePath()
    expect(path).toBe(join(repoRoot, 'resources', 'articles', BUNDLED_ARTICLE_FILE_NAME))
    expect(existsSync(path)).toBe(true)
  })

  it('looks in the resources folder it is given (the packaged app)', () => {
    expect(bundledArticlePath('/opt/Hamish/resources')).toBe(
      join('/opt/Hamish/resources', 'articles', BUNDLED_ARTICLE_FILE_NAME),
    )
  })
})
