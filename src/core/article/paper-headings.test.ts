import { describe, expect, it } from 'vitest'
import { divisionLevels, matchPaperHeading, startsWithAbstractLabel } from './paper-headings'

describe('matchPaperHeading', () => {
  it('knows abstract, section and reference headings, with or without colon and hamza', () => {
    expect(matchPaperHeading('المخلص')).toEqual({ kind: 'abstract' })
    expect(matchPaperHeading('الملخص:')).toEqual({ kind: 'abstract' })
    expect(matchPaperHeading('Abstract:')).toEqual({ kind: 'abstract' })
    expect(matchPaperHeading('المقدمة')).toEqual({ kind: 'section', byColon: false })
    expect(matchPaperHeading('أهمية البحث')).toEqual({ kind: 'section', byColon: false })
    expect(matchPaperHeading('Introduction')).toEqual({ kind: 'section', byColon: false })
    expect(matchPaperHeading('قائمة المصادر باللغة الاجنبية')).toEqual({ kind: 'references' })
    expect(matchPaperHeading('References')).toEqual({ kind: 'references' })
  })

  it('ranks division words followed by an ordinal', () => {
    expect(matchPaperHeading('الفصل الثاني: النتائج')).toEqual({ kind: 'division', rank: 1 })
    expect(matchPaperHeading('المبحث الأول: ماهية الدبلوماسية')).toEqual({
      kind: 'division',
      rank: 2,
    })
    expect(matchPaperHeading('المطلب الثاني: مجالات')).toEqual({ kind: 'division', rank: 3 })
    expect(matchPaperHeading('Chapter 3 Results')).toEqual({ kind: 'division', rank: 1 })
    expect(matchPaperHeading('المبحث في هذا الموضوع طويل')).toBeNull()
  })

  it('takes short lines ending with a colon as headings, and not sentences', () => {
    expect(matchPaperHeading('منهجية البحث:')).not.toBeNull()
    expect(matchPaperHeading('الاطار النظري:')).toEqual({ kind: 'section', byColon: true })
    expect(
      matchPaperHeading('ولقد توصلت الدراسة الى جملة من الاستنتاجات والتوصيات ابرزها:'),
    ).toBeNull()
    expect(
      matchPaperHeading('وأهم مجالات الدبلوماسية الدفاعية هي (الحمود ٢٠٢٣م ، ١٧):-'),
    ).toBeNull()
    expect(
      matchPaperHeading('Keywords: defense, diplomacy, military, national security, Iraq.'),
    ).toBeNull()
    expect(matchPaperHeading('المقدمة هي أول ما يقرأ.')).toBeNull()
  })

  it('recognises an abstract label that shares a line with its text', () => {
    expect(startsWithAbstractLabel('Abstract: This paper studies things.')).toBe(true)
    expect(startsWithAbstractLabel('Abstract:')).toBe(false)
    expect(startsWithAbstractLabel('Abstracts are short.')).toBe(false)
  })
})

describe('divisionLevels', () => {
  it('gives level 1 to the largest division word present', () => {
    const paperLevels = divisionLevels([2, 3, 2])
    expect([paperLevels(2), paperLevels(3)]).toEqual([1, 2])
    const thesisLevels = divisionLevels([1, 2, 3, 4])
    expect([thesisLevels(1), thesisLevels(2), thesisLevels(3), thesisLevels(4)]).toEqual([
      1, 2, 3, 3,
    ])
  })
})
