import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { importArticle } from '../../src/core/article/import-article'
import { annotationMaker, parseExport } from '../../src/core/export/export-test-support'
import { exportAllZip } from './export-all'
import type { ExportSource } from './export-document'
import { memberComments, membersActivity } from './members-activity'

const article = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
)
const make = annotationMaker(article)
const HANAN = { author: 'hanan', authorName: 'Hanan' }
const OMAR = { author: 'omar', authorName: 'Omar/..' }
const annotations = [
  make.on('تنطلق الدراسة من اشكالية رئيسة', {
    id: 'c-omar',
    ...OMAR,
    body: 'later passage',
    createdAt: '2026-11-28T10:00:00.000Z',
  }),
  make.on('يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية', {
    id: 'c-hanan',
    ...HANAN,
    body: 'تعريف مهم',
    createdAt: '2026-11-28T09:00:00.000Z',
  }),
  make.on('Defense diplomacy is non-violent activities', { id: 'h-omar', ...OMAR }),
  make.reply('c-hanan', {
    id: 'r-omar',
    ...OMAR,
    body: 'a reply',
    createdAt: '2026-11-28T11:00:00.000Z',
  }),
]
const members = [
  { userId: 'teacher', name: 'Intisar', role: 'instructor' as const },
  { userId: 'hanan', name: 'Hanan', role: 'student' as const },
  { userId: 'omar', name: 'Omar/..', role: 'student' as const },
]
const source: ExportSource = {
  article,
  annotations,
  me: 'teacher',
  roles: { teacher: 'instructor' },
  labels: {},
  exporterVersion: 'test',
  exportedAt: new Date('2026-11-29T10:00:00Z'),
}

describe('exportAllZip', () => {
  it('holds one Markdown file per member who wrote, the collection and the CSV', () => {
    const files = unzipSync(exportAllZip(source, members, { collection: 'All', grades: 'Grades' }))
    expect(Object.keys(files).sort()).toEqual(['All.md', 'Grades.csv', 'Hanan.md', 'Omar.md'])
    const omar = strFromU8(files['Omar.md'] as Uint8Array)
    expect(parseExport(omar).frontMatter['notes']).toBe('my-notes')
    expect(omar).toContain('a reply')
    expect(omar).toContain('later passage')
    const collection = strFromU8(files['All.md'] as Uint8Array)
    expect(parseExport(collection).frontMatter['notes']).toBe('instructor-collection')
    const csv = strFromU8(files['Grades.csv'] as Uint8Array)
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3)
  })

  it('never gives two files the same name', () => {
    const twins = [
      { userId: 'hanan', name: 'Sam', role: 'student' as const },
      { userId: 'omar', name: 'sam', role: 'student' as const },
    ]
    const files = unzipSync(exportAllZip(source, twins, { collection: 'All', grades: 'Grades' }))
    expect(Object.keys(files).sort()).toEqual(['All.md', 'Grades.csv', 'Sam.md', 'sam (2).md'])
  })
})

describe('membersActivity', () => {
  it('counts every member, with zeros for one who wrote nothing', () => {
    const rows = membersActivity(article, annotations, members)
    expect(
      rows.map((row) => [row.member.userId, row.summary.comments, row.summary.replies]),
    ).toEqual([
      ['teacher', 0, 0],
      ['hanan', 1, 0],
      ['omar', 1, 1],
    ])
    expect(rows[2]?.summary.highlights).toBe(1)
    expect(rows[0]?.summary.firstActivity).toBeNull()
  })
})

describe('memberComments', () => {
  it('lists a member’s comments and replies in article order, with the passage', () => {
    // The problem statement comes before the passage on the attaché in the article.
    expect(make.text.indexOf('تنطلق الدراسة')).toBeLessThan(make.text.indexOf('يعد الملحق'))
    const comments = memberComments(article, annotations, 'omar')
    expect(comments.map((c) => c.annotation.id)).toEqual(['c-omar', 'r-omar'])
    expect(comments[1]?.quote).toBe('يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية')
    expect(comments[1]?.rootId).toBe('c-hanan')
    expect(comments[0]?.section).not.toBeNull()
  })
})
