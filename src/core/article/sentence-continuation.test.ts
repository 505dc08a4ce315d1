import { describe, expect, it } from 'vitest'
import { continuesSentence, endsSentence } from './sentence-continuation'

describe('endsSentence', () => {
  it('sees Latin and Arabic sentence ends, also behind closing brackets', () => {
    expect(endsSentence('… (الحمود ٢٠٢٣م، ٣).')).toBe(true)
    expect(endsSentence('ما هي الدبلوماسية؟')).toBe(true)
    expect(endsSentence('as follows:')).toBe(true)
    expect(endsSentence('على سبيل المثال :-')).toBe(true)
    expect(endsSentence('(the end.)')).toBe(true)
    expect(endsSentence('at the link: <https://e7s.net>')).toBe(true)
    expect(endsSentence('للتكيف مع البيئة')).toBe(false)
    expect(endsSentence('the study poses a')).toBe(false)
    expect(endsSentence('(قانون جهاز الامن الوطني العراقي ، م ٥)')).toBe(false)
  })
})

describe('continuesSentence', () => {
  it('joins an open Arabic sentence with what follows', () => {
    expect(continuesSentence('للتكيف مع البيئة', 'الامنية الدولية الجديدة')).toBe(true)
    expect(continuesSentence('ناصر السعدون', '، وقدّم الملحق')).toBe(true)
  })

  it('needs a lower-case continuation in a cased script, unless told otherwise', () => {
    expect(continuesSentence('the study poses a', 'problem as to what')).toBe(true)
    expect(continuesSentence('a list of things', 'Another paragraph.')).toBe(false)
    expect(continuesSentence('Journal of', 'International Studies', { acceptCapital: true })).toBe(
      true,
    )
  })

  it('never joins a complete sentence, or a numbered or enumerated point', () => {
    expect(continuesSentence('نهاية الجملة.', 'بداية اخرى')).toBe(false)
    expect(continuesSentence('بالوسائل الاتية (م ٥)', 'اولاً : اعداد الدراسات')).toBe(false)
    expect(continuesSentence('ابرزها', '١- ضرورة التعاون')).toBe(false)
  })
})
