import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** DESIGN.md's one-way imports, checked through the project's real ESLint configuration. */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname })

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'boundaries/dependencies' || message.ruleId === 'no-restricted-imports',
    )
    .map((message) => message.message)
}

describe('layer rules', () => {
  it.each([
    ['app/probe.ts', "import { runCli } from '../src/server/cli'\nexport const x = runCli\n"],
    [
      'src/core/probe.ts',
      "import { articleSchema } from '../editor/article-schema'\nexport const x = articleSchema\n",
    ],
    [
      'src/editor/probe.ts',
      "import { openLocalReading } from '../collab/local-reading'\nexport const x = openLocalReading\n",
    ],
    ['src/server/probe.ts', "import { App } from '../../app/App'\nexport const x = App\n"],
    [
      'electron/preload/probe.ts',
      "import { runCli } from '../../src/server/cli'\nexport const x = runCli\n",
    ],
    [
      'src/core/probe.ts',
      "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
    ],
    ['app/probe.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n"],
  ])('refuses the import in %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([])
  })

  it.each([
    [
      'app/probe.ts',
      "import { articleSchema } from '../src/editor/article-schema'\nexport const x = articleSchema\n",
    ],
    [
      'src/server/probe.ts',
      "import { importArticle } from '../core/article'\nexport const x = importArticle\n",
    ],
    [
      'electron/main/probe.ts',
      "import { runCli } from '../../src/server/cli'\nexport const x = runCli\n",
    ],
  ])('allows the import in %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([])
  })
})
