import { describe, expect, it } from 'vitest'
import { exportFileName } from './export-file-name'

describe('exportFileName', () => {
  it('keeps Arabic titles', () => {
    expect(exportFileName('الدبلوماسية الدفاعية', 'md')).toBe('الدبلوماسية الدفاعية.md')
  })

  it('never makes a path: separators and dot-dot are gone', () => {
    expect(exportFileName('../../etc/passwd', 'md')).toBe('etc passwd.md')
    expect(exportFileName('a\\b/c', 'csv')).toBe('a b c.csv')
    expect(exportFileName('..', 'md')).toBe('notes.md')
  })

  it('drops characters file systems refuse, and bidi controls', () => {
    expect(exportFileName('a<b>c:d"e|f?g*h\u0000i\u202ej', 'md')).toBe('a b c d e f g h i j.md')
  })

  it('avoids device names and trailing dots', () => {
    expect(exportFileName('CON', 'md')).toBe('_CON.md')
    expect(exportFileName('notes. . ', 'md')).toBe('notes.md')
  })

  it('stays within the byte length file systems allow', () => {
    const name = exportFileName('ب'.repeat(500), 'md')
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255)
    expect(name.endsWith('ب.md')).toBe(true)
  })

  it('falls back when nothing is left', () => {
    expect(exportFileName('///', 'md', 'seminar')).toBe('seminar.md')
  })
})
