import { describe, expect, it } from 'vitest'
import type { PMNode } from './article-doc'
import { ArticleDocSchema } from './article-doc'
import { importMarkdown } from './import-markdown'

function textOf(node: PMNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(textOf).join('')
}

const markdown = `---
title: "Notes on defence diplomacy"
author:
  - Hanan
  - Intisar
lang: en
---
# الدبلوماسية الدفاعية

An *English* paragraph with **bold**, \`code\`, a [link](https://example.org) and a [bad one](javascript:alert(1)).

## Second level
#### Deep heading

3. third
4. fourth

- ١- بند عربي
  - nested item

> quoted text

\`\`\`
line one
line two
\`\`\`

| a | b |
| - | - |
| 1 | 2 |

![a diagram of the ministry](diagram.png)

<script>alert('x')</script>
`

const doc = importMarkdown(markdown, { fileName: 'notes.md' })
const blocks = doc.content.content ?? []

describe('importMarkdown', () => {
  it('produces a valid document and reads the front matter', () => {
    expect(() => ArticleDocSchema.parse(doc)).not.toThrow()
    expect(doc.meta.title).toBe('Notes on defence diplomacy')
    expect(doc.meta.authors).toEqual(['Hanan', 'Intisar'])
    expect(doc.meta.language).toBe('en')
    expect(blocks.map(textOf).join('\n')).not.toContain('lang: en')
  })

  it('maps headings, clamping deep ones to level 3, each with its direction', () => {
    const headings = blocks.filter((block) => block.type === 'heading')
    expect(
      headings.map((heading) => [heading.attrs?.level, textOf(heading), heading.attrs?.dir]),
    ).toEqual([
      [1, 'الدبلوماسية الدفاعية', 'rtl'],
      [2, 'Second level', 'ltr'],
      [3, 'Deep heading', 'ltr'],
    ])
    expect(headings[0]?.attrs?.role).toBe('title')
  })

  it('maps inline marks and keeps only safe links', () => {
    const paragraph = blocks.find((block) => textOf(block).startsWith('An English'))
    const nodes = paragraph?.content ?? []
    expect(nodes.find((node) => node.text === 'English')?.marks).toEqual([{ type: 'italic' }])
    expect(nodes.find((node) => node.text === 'bold')?.marks).toEqual([{ type: 'bold' }])
    expect(nodes.find((node) => node.text === 'code')?.marks).toEqual([{ type: 'code' }])
    expect(nodes.find((node) => node.text === 'link')?.marks).toEqual([
      { type: 'link', attrs: { href: 'https://example.org' } },
    ])
    const bad = nodes.find((node) => node.text?.includes('bad one'))
    expect(bad?.marks).toBeUndefined()
    expect(JSON.stringify(doc)).not.toContain('javascript:')
    expect(paragraph?.attrs?.dir).toBe('ltr')
  })

  it('maps lists with their start and flattens nested items', () => {
    const ordered = blocks.find((block) => block.type === 'orderedList')
    expect(ordered?.attrs).toEqual({ dir: 'ltr', start: 3 })
    expect(ordered?.content?.map(textOf)).toEqual(['third', 'fourth'])
    const bullets = blocks.find((block) => block.type === 'bulletList')
    expect(bullets?.attrs?.dir).toBe('rtl')
    expect(bullets?.content).toHaveLength(1)
    expect(bullets?.content?.[0]?.content?.map(textOf)).toEqual(['١- بند عربي', 'nested item'])
  })

  it('maps quotations, code blocks, tables and images', () => {
    expect(blocks.find((block) => block.type === 'blockquote')?.content?.map(textOf)).toEqual([
      'quoted text',
    ])
    const code = blocks.find((block) => textOf(block) === 'line one\nline two')
    expect(code?.content?.map((node) => node.type)).toEqual(['text', 'hardBreak', 'text'])
    expect(code?.content?.[0]?.marks).toEqual([{ type: 'code' }])
    const texts = blocks.map(textOf)
    expect(texts).toContain('a | b')
    expect(texts).toContain('1 | 2')
    expect(texts).toContain('a diagram of the ministry')
  })

  it('drops scripts in embedded HTML', () => {
    expect(JSON.stringify(doc)).not.toContain('alert')
  })

  it('takes the first h1, then the first line, as title when there is no front matter', () => {
    expect(importMarkdown('Intro line\n\n# The Title\n').meta.title).toBe('The Title')
    expect(importMarkdown('First line\nsecond line\n\nmore').meta.title).toBe('First line')
    expect(importMarkdown('# عنوان\n\nنص عربي.').meta.language).toBe('ar')
  })
})
