import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importArticle } from '../article/import-article'
import { csvField, csvText, exportSummaryCsv } from './export-csv'
import { annotationMaker } from './export-test-support'

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField('')).toBe('')
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"')
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-2')).toBe("'-2")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\tx')).toBe("'\tx")
    expect(csvField('\rx')).toBe('"\'\rx"')
    expect(csvField('a=b')).toBe('a=b')
  })
})

describe('csvText', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    expect(
      csvText([
        ['a', 'b'],
        ['حنان', '1'],
      ]),
    ).toBe('\uFEFFa,b\r\nحنان,1\r\n')
  })
})

describe('exportSummaryCsv', () => {
  const article = importArticle(
    readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
    { format: 'txt' },
  )
  const make = annotationMaker(article)
  const annotations = [
    make.on('يعد الملحق العسكري', {
      id: 'a',
      author: 'hanan',
      authorName: 'حنان فالح, "Hanan"',
      body: 'تعريف مهم جدا',
      createdAt: '2026-11-28T14:03:00.000Z',
    }),
    make.on('المقدمة:', {
      id: 'b',
      author: 'evil',
      authorName: '=cmd|" /C calc"!A0',
      createdAt: '2026-11-29T10:00:00.000Z',
    }),
    make.reply('a', {
      id: 'c',
      author: 'intisar',
      authorName: 'Intisar',
      body: 'reply',
    }),
  ]
  const base = {
    article,
    annotations,
    roles: { intisar: 'instructor' } as const,
    exportedAt: new Date('2026-11-30T00:00:00.000Z'),
    exporterVersion: '0.1.0',
  }

  it('writes one row per student, Arabic and hostile names intact but inert', () => {
    expect(exportSummaryCsv(base).split('\r\n')).toEqual([
      '\uFEFFStudent,user_id,Highlights,Comments,Replies,Words,Sections touched,First activity,Last activity',
      `'=cmd|" /C calc"!A0`.replace(/^.*$/u, (cell) => `"${cell.replace(/"/gu, '""')}"`) +
        ',evil,1,0,0,0,1,2026-11-29T10:00:00.000Z,2026-11-29T10:00:00.000Z',
      '"حنان فالح, ""Hanan""",hanan,0,1,0,3,1,2026-11-28T14:03:00.000Z,2026-11-28T14:03:00.000Z',
      '',
    ])
  })

  it('leaves out user ids when students are anonymous', () => {
    const csv = exportSummaryCsv({ ...base, anonymizeFor: 'students' })
    expect(csv.split('\r\n')[0]).not.toContain('user_id')
    expect(csv).not.toContain('hanan')
    expect(csv).toContain('Student 1,0,1,0,3')
  })
})
