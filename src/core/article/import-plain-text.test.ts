import { describe, expect, it } from 'vitest'
import type { PMNode } from './article-doc'
import { importPlainText } from './import-plain-text'

function textOf(node: PMNode): string {
  if (node.type === 'text') return node.text ?? ''
  return (node.content ?? []).map(textOf).join('')
}

describe('importPlainText', () => {
  const text =
    'عنوان النص\r\n\r\nسطر أول\r\nيكمل هنا *بلا* تنسيق \\$5.\r\n\r\n\r\nEnglish paragraph\n  wrapped.\n'
  const doc = importPlainText(text)
  const blocks = doc.content.content ?? []

  it('splits on blank lines and reads single line breaks as spaces', () => {
    expect(blocks.map(textOf)).toEqual([
      'عنوان النص',
      'سطر أول يكمل هنا *بلا* تنسيق \\$5.',
      'English paragraph wrapped.',
    ])
  })

  it('takes the first line as title and keeps markup characters as text', () => {
    expect(doc.meta.title).toBe('عنوان النص')
    expect(blocks[0]?.type).toBe('heading')
    expect(blocks[0]?.attrs).toEqual({ level: 1, dir: 'rtl', role: 'title' })
    expect(blocks[1]?.content).toEqual([
      { type: 'text', text: 'سطر أول يكمل هنا *بلا* تنسيق \\$5.' },
    ])
  })

  it('decides each paragraph’s direction and the language from the text', () => {
    expect(blocks.map((block) => block.attrs?.dir)).toEqual(['rtl', 'rtl', 'ltr'])
    expect(doc.meta.language).toBe('ar')
  })

  it('keeps a first paragraph of several lines a paragraph, titled by its first line', () => {
    const several = importPlainText('Line one\nline two\n\nNext.')
    expect(several.meta.title).toBe('Line one')
    expect(several.content.content?.[0]?.type).toBe('paragraph')
    expect(several.meta.language).toBe('en')
  })

  it('gives blocks with no strong character the document language’s direction', () => {
    const numbers = importPlainText('نص عربي طويل بما يكفي ليحدد اللغة\n\n١٢٣ - 456')
    expect(numbers.content.content?.[1]?.attrs?.dir).toBe('rtl')
  })
})
