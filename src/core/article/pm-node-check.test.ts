import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ArticleDocSchema, type PMNode } from './article-doc'
import { importArticle } from './import-article'
import { pmNodeProblem } from './pm-node-check'
import { sampleArticle } from './sample-article'

const bundled = importArticle(
  readFileSync(
    fileURLToPath(
      new URL('../../../resources/articles/defensive-diplomacy-iraq.ar.txt', import.meta.url),
    ),
    'utf8',
  ),
  { format: 'txt', fileName: 'defensive-diplomacy-iraq.ar.txt' },
)

const paragraph = (inline: unknown): unknown => ({
  type: 'doc',
  content: [{ type: 'paragraph', attrs: { dir: 'rtl' }, content: [inline] }],
})

describe('pmNodeProblem', () => {
  it('accepts the bundled article and every node an article import writes', () => {
    expect(pmNodeProblem(bundled.content)).toBeNull()
    expect(pmNodeProblem(JSON.parse(JSON.stringify(bundled.content)))).toBeNull()
  })

  it('accepts marks with and without attributes, and unknown keys a newer version may add', () => {
    const text = { type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'link', attrs: {} }] }
    expect(pmNodeProblem(paragraph(text))).toBeNull()
    expect(pmNodeProblem({ type: 'doc', future: 1 })).toBeNull()
  })

  it.each([
    ['not an object', null, 'a node must be an object', []],
    ['an array for a node', [], 'a node must be an object', []],
    ['no type', { content: [] }, 'a node needs a non-empty type', ['type']],
    ['an empty type', { type: '' }, 'a node needs a non-empty type', ['type']],
    ['attrs that are a list', { type: 'doc', attrs: [] }, 'attrs must be an object', ['attrs']],
    [
      'content that is text',
      { type: 'doc', content: 'x' },
      'content must be an array',
      ['content'],
    ],
    [
      'text that is a number',
      paragraph({ type: 'text', text: 5 }),
      'text must be a string',
      ['content', 0, 'content', 0, 'text'],
    ],
    [
      'marks that are an object',
      paragraph({ type: 'text', text: 'a', marks: {} }),
      'marks must be an array',
      ['content', 0, 'content', 0, 'marks'],
    ],
    [
      'a mark without a type',
      paragraph({ type: 'text', text: 'a', marks: [{ type: 'bold' }, { attrs: {} }] }),
      'a mark needs a type',
      ['content', 0, 'content', 0, 'marks', 1],
    ],
    [
      'mark attrs that are a string',
      paragraph({ type: 'text', text: 'a', marks: [{ type: 'link', attrs: 'x' }] }),
      'attrs must be an object',
      ['content', 0, 'content', 0, 'marks', 0, 'attrs'],
    ],
  ])('names the problem and where it is: %s', (_, value, message, path) => {
    const problem = pmNodeProblem(value)
    expect(problem?.message).toContain(message)
    expect(problem?.path).toEqual(path)
  })

  it('reports the first bad node in document order', () => {
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text' }, { text: 'late' }] }, { type: 1 }],
    }
    expect(pmNodeProblem(doc)?.path).toEqual(['content', 0, 'content', 1, 'type'])
  })

  it('checks a document nested far deeper than the call stack allows', () => {
    let node: PMNode = { type: 'text', text: 'x' }
    for (let depth = 0; depth < 100_000; depth++) node = { type: 'blockquote', content: [node] }
    expect(pmNodeProblem(node)).toBeNull()
  })
})

describe('ArticleDocSchema', () => {
  it('reports a bad node under the content, with its path', () => {
    const badText = { type: 'text', text: 7 } as unknown as PMNode
    const article = sampleArticle([{ type: 'paragraph', content: [badText] }])
    const result = ArticleDocSchema.safeParse(article)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      message: 'text must be a string',
      path: ['content', 'content', 0, 'content', 0, 'text'],
    })
  })

  it('refuses content that is not an object without throwing, and a root that is not a doc', () => {
    const notObject = ArticleDocSchema.safeParse({ ...sampleArticle(), content: null })
    expect(notObject.error?.issues.map((issue) => issue.message)).toEqual([
      'a node must be an object',
    ])
    const notDoc = ArticleDocSchema.safeParse({
      ...sampleArticle(),
      content: { type: 'paragraph' },
    })
    expect(notDoc.error?.issues.map((issue) => issue.message)).toEqual([
      'content must be a doc node',
    ])
  })

  it('keeps the article as it was given', () => {
    expect(ArticleDocSchema.parse(bundled)).toEqual(bundled)
  })
})
