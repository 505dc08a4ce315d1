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
})
