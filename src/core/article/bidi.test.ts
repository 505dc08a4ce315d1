import { describe, expect, it } from 'vitest'
import { blockDirection, firstStrongDirection, strongDirectionOf } from './bidi'

describe('firstStrongDirection', () => {
  it('is rtl for Arabic, Hebrew, Syriac, Thaana and NKo letters', () => {
    expect(firstStrongDirection('الدبلوماسية الدفاعية')).toBe('rtl')
    expect(firstStrongDirection('שלום עולם')).toBe('rtl')
    expect(firstStrongDirection('ܫܠܡܐ')).toBe('rtl')
    expect(firstStrongDirection('ދިވެހި')).toBe('rtl')
    expect(firstStrongDirection('ߒߞߏ')).toBe('rtl')
  })

  it('is rtl for Arabic presentation forms and the right-to-left marks', () => {
    expect(firstStrongDirection('\uFEF7')).toBe('rtl')
    expect(firstStrongDirection('\uFB50')).toBe('rtl')
    expect(firstStrongDirection('\u200F abc')).toBe('rtl')
    expect(firstStrongDirection('\u061C abc')).toBe('rtl')
  })

  it('is ltr for Latin, Greek, Cyrillic and CJK letters and the left-to-right mark', () => {
    expect(firstStrongDirection('Defense diplomacy')).toBe('ltr')
    expect(firstStrongDirection('Ćutić')).toBe('ltr')
    expect(firstStrongDirection('Ελληνικά')).toBe('ltr')
    expect(firstStrongDirection('Русский')).toBe('ltr')
    expect(firstStrongDirection('漢字')).toBe('ltr')
    expect(firstStrongDirection('\u200E عربي')).toBe('ltr')
  })

  it('skips digits, punctuation and spaces, which are weak or neutral', () => {
    expect(firstStrongDirection('١٢ abc')).toBe('ltr')
    expect(firstStrongDirection('123 عربي')).toBe('rtl')
    expect(firstStrongDirection('(٢٠٢٣) - "English"')).toBe('ltr')
    expect(firstStrongDirection('، ، وقدّم')).toBe('rtl')
    expect(firstStrongDirection('۱۲۳ text')).toBe('ltr')
  })

  it('skips the text inside isolates, up to the matching PDI', () => {
    expect(firstStrongDirection('\u2066abc\u2069 عربي')).toBe('rtl')
    expect(firstStrongDirection('\u2067عربي\u2069 abc')).toBe('ltr')
    expect(firstStrongDirection('\u2068\u2066abc\u2069 def\u2069 عربي')).toBe('rtl')
    // An isolate that is never closed runs to the end of the paragraph.
    expect(firstStrongDirection('\u2068عربي hello')).toBeNull()
    // A PDI with no isolate open is ignored.
    expect(firstStrongDirection('\u2069عربي')).toBe('rtl')
  })

  it('is null when there is no strong character', () => {
    expect(firstStrongDirection('')).toBeNull()
    expect(firstStrongDirection('   ')).toBeNull()
    expect(firstStrongDirection('١٢٣ - 456 (7).')).toBeNull()
    // Combining marks are not strong, even Arabic ones.
    expect(firstStrongDirection('\u064E\u0651')).toBeNull()
  })
})

describe('strongDirectionOf', () => {
  it('counts tatweel and Arabic question mark as right to left', () => {
    expect(strongDirectionOf('\u0640')).toBe('rtl')
    expect(strongDirectionOf('؟')).toBe('rtl')
    expect(strongDirectionOf('،')).toBeNull()
    expect(strongDirectionOf('٣')).toBeNull()
  })
})

describe('blockDirection', () => {
  it('returns the fallback only when no character decides', () => {
    expect(blockDirection('2024', 'rtl')).toBe('rtl')
    expect(blockDirection('2024', 'ltr')).toBe('ltr')
    expect(blockDirection('2024 Iraq', 'rtl')).toBe('ltr')
    expect(blockDirection('2024 العراق', 'ltr')).toBe('rtl')
  })
})
