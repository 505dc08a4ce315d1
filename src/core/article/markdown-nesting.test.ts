import { describe, expect, it } from 'vitest'
import { ArticleImportError } from './article-import-error'
import { MAX_MARKDOWN_NESTING, checkMarkdownNesting } from './markdown-nesting'

describe('the nesting limit of Markdown articles', () => {
  it('lets real quotes, lists and code through', () => {
    const article = '> quote\n> > nested\n\n- item\n  - sub\n    - subsub\n\n    code block\n'
    expect(() => checkMarkdownNesting(article, 'a.md')).not.toThrow()
    expect(() => checkMarkdownNesting('>'.repeat(MAX_MARKDOWN_NESTING), 'a.md')).not.toThrow()
  })

  it('refuses quotes or lists nested past it, naming the file', () => {
    for (const line of ['>'.repeat(MAX_MARKDOWN_NESTING + 1), `${' '.repeat(400)}- x`]) {
      expect(() => checkMarkdownNesting(`# Title\n${line}\n`, 'deep.md')).toThrow(
        ArticleImportError,
      )
      expect(() => checkMarkdownNesting(line, 'deep.md')).toThrow(/“deep.md” nests quotes or lists/)
    }
  })

  it('counts list markers as levels: a line of them is refused, not parsed for seconds', () => {
    const deep = MAX_MARKDOWN_NESTING + 1
    for (const line of [
      `${'- '.repeat(deep)}x`,
      `${'* '.repeat(deep)}x`,
      `${'1. '.repeat(deep)}x`,
      `${'2) '.repeat(deep)}x`,
      `${'- > '.repeat(deep / 2 + 1)}x`,
    ]) {
      expect(() => checkMarkdownNesting(line, 'deep.md')).toThrow(/“deep.md” nests quotes or lists/)
    }
  })

  it('does not take a rule, an emphasis or a number in the text for a list', () => {
    const article = [
      '- - -',
      '* * *',
      `*${'emphasis '.repeat(200)}*`,
      `${'1.5 '.repeat(200)}`,
      `${'-x '.repeat(200)}`,
      `- ${'- '.repeat(20)}twenty levels`,
    ].join('\n\n')
    expect(() => checkMarkdownNesting(article, 'a.md')).not.toThrow()
  })
})
