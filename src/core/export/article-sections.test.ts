import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { PMNode } from '../article/article-doc'
import { articlePlainText, outlineOf } from '../article/article-text'
import { importArticle } from '../article/import-article'
import { articleSections } from './article-sections'

const text = (value: string): PMNode => ({ type: 'text', text: value })
const heading = (level: number, ...content: PMNode[]): PMNode => ({
  type: 'heading',
  attrs: { level },
  content,
})
const paragraph = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content })

describe('articleSections', () => {
  const doc: PMNode = {
    type: 'doc',
    content: [
      paragraph(text('before any heading')),
      { type: 'horizontalRule' },
      heading(1, text('One')),
      paragraph(text('a'), { type: 'hardBreak' }, text('b')),
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph(text('item'))] }],
      },
      heading(2, text('One'), { type: 'hardBreak' }, text('point one')),
      paragraph(),
      paragraph(text('under 1.1')),
      heading(1, text('Two')),
      heading(3, text('Two, deep')),
      paragraph(text('under 2.x')),
    ],
  }
  const plain = articlePlainText(doc)
  const { sections, sectionAt } = articleSections(doc)

  it('finds every heading at its offset in the article’s plain text', () => {
    expect(sections.map((section) => section.title)).toEqual([
      'One',
      'One point one',
      'Two',
      'Two, deep',
    ])
    for (const section of sections) {
      const firstLine = section.title.split(' ')[0] as string
      expect(plain.slice(section.start, section.start + firstLine.length)).toBe(firstLine)
    }
    expect(sections.map((section) => section.start)).toEqual([
      plain.indexOf('One'),
      plain.indexOf('One\npoint one'),
      plain.indexOf('Two'),
      plain.indexOf('Two, deep'),
    ])
  })

  it('gives each deeper heading its level-1 parent', () => {
    expect(sections.map((section) => section.parent?.title ?? null)).toEqual([
      null,
      'One',
      null,
      'Two',
    ])
  })

  it('maps an offset to the nearest heading at or before it', () => {
    expect(sectionAt(plain.indexOf('before any heading'))).toBeNull()
    expect(sectionAt(plain.indexOf('item'))?.title).toBe('One')
    expect(sectionAt(plain.indexOf('under 1.1'))?.title).toBe('One point one')
    expect(sectionAt(plain.indexOf('Two,'))?.title).toBe('Two, deep')
    expect(sectionAt(plain.indexOf('Two'))?.title).toBe('Two')
    expect(sectionAt(plain.length)?.title).toBe('Two, deep')
  })

  it('agrees with the outline of the seed article', () => {
    const article = importArticle(
      readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
      { format: 'txt' },
    )
    const seedText = articlePlainText(article.content)
    const seed = articleSections(article.content)
    expect(seed.sections.map((s) => [s.level, s.title])).toEqual(
      outlineOf(article.content).map((entry) => [entry.level, entry.text]),
    )
    for (const section of seed.sections) {
      expect(seedText.slice(section.start, section.start + section.title.length)).toBe(
        section.title,
      )
    }
    const attache = seedText.indexOf('يعد الملحق العسكري')
    const section = seed.sectionAt(attache)
    expect(section?.title).toBe('المطلب الثاني: مجالات واهداف الدبلوماسية الدفاعية')
    expect(section?.parent?.title).toBe('المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها')
  })
})
