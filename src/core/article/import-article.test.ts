import { describe, expect, it } from 'vitest'
import { articlePlainText, outlineOf } from './article-text'
import { formatFromFileName } from './article-format'
import { ArticleImportError } from './article-import-error'
import { importArticle } from './import-article'

describe('importArticle', () => {
  it('refuses empty and whitespace-only files with a clear message', () => {
    expect(() => importArticle('', { format: 'txt' })).toThrow(ArticleImportError)
    expect(() => importArticle('', { format: 'txt' })).toThrow(/^The file is empty/u)
    expect(() => importArticle(' \n\t\r\n\uFEFF', { format: 'md', fileName: 'notes.md' })).toThrow(
      /“notes\.md” is empty/u,
    )
    try {
      importArticle('   ', { format: 'html' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ArticleImportError)
      expect((error as ArticleImportError).problem).toBe('empty')
    }
  })

  it('refuses Markdown that holds no text', () => {
    expect(() => importArticle('---\n---\n\n***\n', { format: 'md', fileName: 'rule.md' })).toThrow(
      /“rule\.md” has no readable article text/u,
    )
  })

  it('dispatches by format', () => {
    const source = '# Title\n\n*text*'
    expect(importArticle(source, { format: 'md' }).content.content?.[0]?.type).toBe('heading')
    expect(importArticle(source, { format: 'txt' }).meta.title).toBe('# Title')
    expect(importArticle('<h1>T</h1><p>x</p>', { format: 'html' }).meta.title).toBe('T')
  })

  it('reads text with a paper’s structure as a paper, and other text as plain paragraphs', () => {
    const paper =
      'A Study\n\nAbstract:\n\nIt studies *things*.\n\nKeywords: a, b\n\nIntroduction\n\nText.'
    const asPaper = importArticle(paper, { format: 'txt' })
    expect(asPaper.meta.keywordsEn).toEqual(['a', 'b'])
    expect(articlePlainText(asPaper.content)).toContain('It studies things.')

    const prose = 'A note\n\nIt mentions *stars* and ends without a stop\n\nnext line'
    const asPlain = importArticle(prose, { format: 'txt' })
    expect(asPlain.meta.keywords).toEqual([])
    expect(articlePlainText(asPlain.content)).toBe(
      'A note\n\nIt mentions *stars* and ends without a stop\n\nnext line',
    )
  })
})

describe('formatFromFileName', () => {
  it('knows text, Markdown and HTML extensions, in any case', () => {
    expect(formatFromFileName('article.txt')).toBe('txt')
    expect(formatFromFileName('Notes.MD')).toBe('md')
    expect(formatFromFileName('notes.markdown')).toBe('md')
    expect(formatFromFileName('page.htm')).toBe('html')
    expect(formatFromFileName('dir.v2/page.HTML')).toBe('html')
    expect(formatFromFileName('paper.pdf')).toBeNull()
    expect(formatFromFileName('README')).toBeNull()
    expect(formatFromFileName('.txt.bak')).toBeNull()
  })
})

describe('articlePlainText and outlineOf', () => {
  const doc = importArticle(
    '# Title\n\nFirst *para*.\n\n- item one\n- item two\n\n> ## Quoted heading\n\n### Third\nline<br>break',
    { format: 'md' },
  )

  it('joins the text of every textblock with blank lines', () => {
    expect(articlePlainText(doc.content)).toBe(
      'Title\n\nFirst para.\n\nitem one\n\nitem two\n\nQuoted heading\n\nThird\n\nline\nbreak',
    )
  })

  it('lists headings in order with the index of their top-level block', () => {
    expect(outlineOf(doc.content)).toEqual([
      { level: 1, text: 'Title', index: 0 },
      { level: 2, text: 'Quoted heading', index: 3 },
      { level: 3, text: 'Third', index: 4 },
    ])
  })
})
