import { describe, expect, it } from 'vitest'
import { MAX_MEMBER_NAME_CHARS, MemberName } from './member-name'

function errorOf(value: unknown): string | undefined {
  const result = MemberName.safeParse(value)
  return result.success ? undefined : result.error.issues[0]?.message
}

describe('MemberName', () => {
  it('trims and normalises to NFC', () => {
    expect(MemberName.parse('  حنان  ')).toBe('حنان')
    // "é" typed as e + combining acute becomes one code point.
    expect(MemberName.parse('Ame\u0301lie')).toBe('Am\u00e9lie')
  })

  it('accepts names of 1 to 80 characters, counted as characters, not UTF-16 units', () => {
    expect(MemberName.parse('H')).toBe('H')
    const arabic = 'ع'.repeat(MAX_MEMBER_NAME_CHARS)
    expect(MemberName.parse(arabic)).toBe(arabic)
    // 80 astral characters are 160 UTF-16 units and still a valid name.
    const emoji = '🌙'.repeat(MAX_MEMBER_NAME_CHARS)
    expect(MemberName.parse(emoji)).toBe(emoji)
  })

  it('keeps the joiners Persian and Arabic names need', () => {
    expect(MemberName.parse('نیلوفر\u200cها')).toBe('نیلوفر\u200cها')
  })

  it.each([
    ['', 'Enter a name: it cannot be empty.'],
    ['   \t ', 'Enter a name: it cannot be empty.'],
    ['x'.repeat(81), 'A name may be at most 80 characters long.'],
    ['x'.repeat(10_000), 'A name may be at most 80 characters long.'],
    ['Hanan\tA', expect.stringContaining('control characters')],
    ['Hanan\nA', expect.stringContaining('control characters')],
    ['Hanan\u0000', expect.stringContaining('control characters')],
    ['Hanan\u2028A', expect.stringContaining('control characters')],
    ['\u202Enanah', expect.stringContaining('direction overrides')],
    ['a\u2067b\u2069', expect.stringContaining('direction overrides')],
    [42, 'A name must be text.'],
  ])('refuses %j', (value, message) => {
    expect(errorOf(value)).toEqual(message)
  })
})
