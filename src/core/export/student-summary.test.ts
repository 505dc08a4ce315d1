import { describe, expect, it } from 'vitest'
import { wordCount } from './student-summary'

describe('wordCount', () => {
  it('counts Arabic and English words, not punctuation or spaces', () => {
    expect(wordCount('الدبلوماسية الدفاعية، وأثرها.')).toBe(3)
    expect(wordCount('Defence diplomacy — non-violent!')).toBe(4)
    expect(wordCount('  ')).toBe(0)
    expect(wordCount('**bold** and `code`')).toBe(3)
  })
})
