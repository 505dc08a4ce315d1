import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importArticle } from '../../src/core/article/import-article'
import { annotationMaker, parseExport } from '../../src/core/export/export-test-support'
import { DEFAULT_EXPORT_CHOICE } from './export-choice'
import {
  exportDocument,
  formatsFor,
  markdownOptionsApply,
  normalizeChoice,
  previewLines,
  shapesFor,
  type ExportSource,
} from './export-document'

const article = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
)
const make = annotationMaker(article)
const mine = make.on('يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية', {
  id: 'c-mine',
  author: 'me',
  authorName: 'Hanan',
  body: 'my comment',
})
const theirs = make.on('تنطلق الدراسة من اشكالية رئيسة', {
  id: 'c-theirs',
  author: 'omar',
  authorName: 'Omar',
  body: 'his comment',
})
const source: ExportSource = {
  article,
  annotations: [mine, theirs],
  me: 'me',
  labels: {},
  exporterVersion: 'test',
  exportedAt: new Date('2026-11-29T10:00:00Z'),
}

describe('export choices', () => {
  it('offers the instructor’s collection to instructors only, and CSV for it alone', () => {
    expect(shapesFor(false)).not.toContain('instructor-collection')
    expect(shapesFor(true)).toContain('instructor-collection')
    expect(formatsFor('my-notes')).toEqual(['markdown', 'w3c'])
    expect(formatsFor('instructor-collection')).toContain('csv')
  })

  it('falls back to a shape and format the reader may have', () => {
    const asked = {
      ...DEFAULT_EXPORT_CHOICE,
      shape: 'instructor-collection',
      format: 'csv',
    } as const
    expect(normalizeChoice(asked, false)).toMatchObject({ shape: 'my-notes', format: 'markdown' })
    expect(normalizeChoice(asked, true)).toMatchObject({
      shape: 'instructor-collection',
      format: 'csv',
    })
    expect(normalizeChoice({ ...asked, shape: 'seminar-notes' }, true)).toMatchObject({
      shape: 'seminar-notes',
      format: 'markdown',
    })
  })

  it('applies the grouping and include options to Markdown only', () => {
    expect(markdownOptionsApply(DEFAULT_EXPORT_CHOICE)).toBe(true)
    expect(markdownOptionsApply({ ...DEFAULT_EXPORT_CHOICE, format: 'w3c' })).toBe(false)
  })
})

describe('exportDocument', () => {
  it('writes my notes as Markdown under a safe file name', () => {
    const doc = exportDocument(source, DEFAULT_EXPORT_CHOICE, 'My notes')
    expect(doc.fileName).toBe(`${article.meta.title} - My notes.md`)
    expect(doc.mimeType).toMatch(/^text\/markdown/)
    expect(doc.text).toContain('my comment')
    expect(doc.text).not.toContain('his comment')
    expect(parseExport(doc.text).frontMatter['notes']).toBe('my-notes')
  })

  it('writes only my annotations as W3C JSON-LD for my notes, everyone’s for the seminar', () => {
    const ids = (shape: 'my-notes' | 'seminar-notes') => {
      const doc = exportDocument(source, { ...DEFAULT_EXPORT_CHOICE, shape, format: 'w3c' }, 'x')
      expect(doc.fileName.endsWith('.jsonld')).toBe(true)
      return (JSON.parse(doc.text) as { total: number }).total
    }
    expect(ids('my-notes')).toBe(1)
    expect(ids('seminar-notes')).toBe(2)
  })

  it('writes the grading CSV with a byte-order mark', () => {
    const doc = exportDocument(
      source,
      { ...DEFAULT_EXPORT_CHOICE, shape: 'instructor-collection', format: 'csv' },
      'Grades',
    )
    expect(doc.text.startsWith('\uFEFF')).toBe(true)
    expect(doc.fileName.endsWith('.csv')).toBe(true)
  })
})

describe('previewLines', () => {
  it('keeps the first lines exactly, without the byte-order mark', () => {
    const text = '\uFEFFa\nب\nc\nd'
    expect(previewLines(text, 2)).toBe('a\nب')
    expect(previewLines(text, 10)).toBe('a\nب\nc\nd')
    expect(text.slice(1).startsWith(previewLines(text, 3))).toBe(true)
  })
})
