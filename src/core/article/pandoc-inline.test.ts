import { describe, expect, it } from 'vitest'
import { parsePandocInline, pandocInlineText } from './pandoc-inline'

describe('parsePandocInline', () => {
  it('reads emphasis and strong emphasis', () => {
    expect(parsePandocInline('a *b* and **c** d')).toEqual([
      { type: 'text', text: 'a ', marks: [] },
      { type: 'text', text: 'b', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' and ', marks: [] },
      { type: 'text', text: 'c', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' d', marks: [] },
    ])
  })

  it('reads nested and combined emphasis', () => {
    const inlines = parsePandocInline('***both*** and *it **bold** it*')
    expect(inlines[0]).toEqual({
      type: 'text',
      text: 'both',
      marks: [{ type: 'bold' }, { type: 'italic' }],
    })
    expect(inlines.find((inline) => inline.type === 'text' && inline.text === 'bold')).toEqual({
      type: 'text',
      text: 'bold',
      marks: [{ type: 'bold' }, { type: 'italic' }],
    })
  })

  it('leaves asterisks that cannot open or close emphasis as text', () => {
    expect(pandocInlineText('2 * 3 = 6')).toBe('2 * 3 = 6')
    expect(pandocInlineText('*unclosed')).toBe('*unclosed')
    expect(pandocInlineText('trailing*')).toBe('trailing*')
  })

  it('unescapes backslash escapes of punctuation only', () => {
    expect(pandocInlineText('worth \\$550 \\*not italic\\*')).toBe('worth $550 *not italic*')
    expect(pandocInlineText('C:\\Users\\x')).toBe('C:\\Users\\x')
  })

  it('turns autolinks into linked text without the brackets', () => {
    expect(parsePandocInline('see <https://example.org/a?b=1>.')).toEqual([
      { type: 'text', text: 'see ', marks: [] },
      {
        type: 'text',
        text: 'https://example.org/a?b=1',
        marks: [{ type: 'link', href: 'https://example.org/a?b=1' }],
      },
      { type: 'text', text: '.', marks: [] },
    ])
    expect(parsePandocInline('<info@example.org>')).toEqual([
      {
        type: 'text',
        text: 'info@example.org',
        marks: [{ type: 'link', href: 'mailto:info@example.org' }],
      },
    ])
  })

  it('does not link other schemes', () => {
    expect(pandocInlineText('<javascript:alert(1)>')).toBe('<javascript:alert(1)>')
    expect(
      parsePandocInline('<javascript:alert(1)>').every(
        (inline) => inline.type === 'text' && inline.marks.length === 0,
      ),
    ).toBe(true)
  })

  it('reads code spans literally', () => {
    expect(parsePandocInline('run `a *b* \\$`')).toEqual([
      { type: 'text', text: 'run ', marks: [] },
      { type: 'text', text: 'a *b* \\$', marks: [{ type: 'code' }] },
    ])
  })

  it('keeps Arabic text, digits and diacritics byte for byte', () => {
    const text = 'وقدّم الملحق ـ ٢٠٢٣م ، (٥٥٠) مليون'
    expect(pandocInlineText(text)).toBe(text)
  })
})
