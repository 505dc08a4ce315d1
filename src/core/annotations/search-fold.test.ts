import { describe, expect, it } from 'vitest'
import { foldForSearch, searchTerms } from './search-fold'

const finds = (text: string, query: string) => foldForSearch(text).includes(foldForSearch(query))

describe('foldForSearch', () => {
  it('ignores hamza on alef and alef wasla/madda', () => {
    expect(finds('الأمن الوطني العراقي', 'الامن')).toBe(true)
    expect(finds('إدارة', 'اداره')).toBe(true)
    expect(finds('آليات', 'اليات')).toBe(true)
    expect(finds('ٱلدفاع', 'الدفاع')).toBe(true)
  })

  it('ignores tashkeel, shadda, superscript alef and Quranic marks', () => {
    expect(finds('الدبلوماسيّة الدفاعيّة', 'الدبلوماسية')).toBe(true)
    expect(finds('الدِّبْلُومَاسِيَّةُ', 'الدبلوماسية')).toBe(true)
    expect(finds('هٰذا', 'هذا')).toBe(true)
    expect(finds('ٱلرَّحْمَٰنِ ۚ', 'الرحمن')).toBe(true)
  })

  it('ignores tatweel', () => {
    expect(finds('الـدفاع', 'الدفاع')).toBe(true)
    expect(finds('الدفاع', 'الـــدفاع')).toBe(true)
  })

  it('folds ta marbuta to ha and alef maqsura to ya', () => {
    expect(finds('الدبلوماسية', 'الدبلوماسيه')).toBe(true)
    expect(finds('مستوى', 'مستوي')).toBe(true)
    expect(finds('على', 'علي')).toBe(true)
  })

  it('folds hamza on waw and on ya to the bare seat', () => {
    expect(finds('مسؤولية', 'مسوولية')).toBe(true)
    expect(finds('رئيس الوزراء', 'رييس')).toBe(true)
    expect(finds('المسائل', 'المسايل')).toBe(true)
  })

  it('lets either spelling of hamza before waw find the other', () => {
    expect(finds('مسئولية الدولة', 'مسؤولية')).toBe(true)
    expect(finds('مسؤولية الدولة', 'مسئولية')).toBe(true)
    expect(finds('شئون الدفاع', 'شؤون')).toBe(true)
    expect(finds('مسئـولية', 'مسؤولية')).toBe(true)
  })

  it('does not conflate letters that are different words', () => {
    expect(finds('الأمن', 'الامم')).toBe(false)
    expect(finds('حرب', 'حزب')).toBe(false)
    expect(finds('قوة', 'قرة')).toBe(false)
  })

  it('matches Latin text regardless of case and accents', () => {
    expect(finds('Defence Diplomacy', 'defence diplomacy')).toBe(true)
    expect(finds('Défense', 'defense')).toBe(true)
    expect(finds('DEFENSE', 'défense')).toBe(true)
  })

  it('reads presentation forms, Persian letters and Arabic-Indic digits as their plain forms', () => {
    expect(finds('\uFEDF\uFEE0\uFEFC', 'للا')).toBe(true)
    expect(finds('عام ٢٠٠٣', '2003')).toBe(true)
    expect(finds('عام ۲۰۰۳', '٢٠٠٣')).toBe(true)
    expect(finds('کتاب فی', 'كتاب في')).toBe(true)
  })

  it('drops invisible format characters and folds runs of spaces', () => {
    expect(finds('الأ\u200Cمن', 'الامن')).toBe(true)
    expect(finds('\u200Fالأمن\u00A0 الوطني', 'الامن الوطني')).toBe(true)
    expect(foldForSearch('  a \n b  ')).toBe('a b')
  })

  it('decomposed and composed input fold the same', () => {
    expect(foldForSearch('\u064A\u0654\u0648')).toBe(foldForSearch('\u0624\u0648'))
    expect(foldForSearch('e\u0301')).toBe(foldForSearch('\u00E9'))
  })
})

describe('searchTerms', () => {
  it('splits a query into folded words and drops empty ones', () => {
    expect(searchTerms('  الأمن   Défense ')).toEqual(['الامن', 'defense'])
    expect(searchTerms('   ')).toEqual([])
  })
})
