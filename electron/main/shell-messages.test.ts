import { describe, expect, it } from 'vitest'
import type { DocumentProblem } from '../../src/server/article-file'
import { SHELL_MESSAGES, shellLanguageFor } from './shell-messages'

const PRODUCT_AND_FORMAT_NAMES = new Set(
  ['Word', 'LibreOffice', 'PDF', 'OCR', 'HTML', 'ZIP'].concat([
    'docx',
    'doc',
    'pdf',
    'txt',
    'md',
    'html',
  ]),
)

const problems: DocumentProblem[] = [
  { kind: 'too-large', bytes: 200 * 1024 * 1024, limitBytes: 100 * 1024 * 1024 },
  ...(['pdf', 'zip', 'ole', 'text', 'unknown'] as const).map((content): DocumentProblem => ({
    kind: 'not-this-format',
    format: 'docx',
    content,
  })),
  { kind: 'not-this-format', format: 'pdf', content: 'text' },
  { kind: 'password-protected', format: 'docx' },
  { kind: 'password-protected', format: 'pdf' },
  { kind: 'no-text-layer' },
  { kind: 'damaged', format: 'pdf', detail: 'Invalid PDF structure' },
]

describe('shell messages', () => {
  it('give both languages every menu label, none empty', () => {
    const { ar, en } = SHELL_MESSAGES
    expect(Object.keys(ar.menu).sort()).toEqual(Object.keys(en.menu).sort())
    expect(Object.keys(ar.dialogs).sort()).toEqual(Object.keys(en.dialogs).sort())
    for (const messages of [ar, en]) {
      for (const label of Object.values(messages.menu)) expect(label.trim()).not.toBe('')
    }
  })

  it('keep Latin letters out of the Arabic menu and dialogs', () => {
    const { ar } = SHELL_MESSAGES
    const words = [
      ar.appName,
      ...Object.values(ar.menu),
      ar.dialogs.openArticleTitle,
      ar.dialogs.articleFiles,
      ar.dialogs.saveTitle,
      ar.dialogs.allFiles,
    ]
    expect(words.filter((word) => /[A-Za-z]/.test(word))).toEqual([])
  })

  it('word every Word and PDF problem as one sentence naming the file, in both languages', () => {
    for (const problem of problems) {
      const arabic = SHELL_MESSAGES.ar.documentProblem('بحث.pdf', problem)
      const english = SHELL_MESSAGES.en.documentProblem('paper.pdf', problem)
      expect(arabic).toMatch(/^تعذّر فتح «بحث\.pdf»: .+\.$/)
      expect(english).toMatch(/^Could not open “paper\.pdf”: .+\.$/)
      expect(`${arabic}${english}`).not.toContain('\n')
      // The Arabic sentence is Arabic, with at most product and format names in Latin letters
      // (and the reader library's own words for what is damaged).
      const detail = problem.kind === 'damaged' ? problem.detail : '\0'
      const latinWords = arabic.replace(detail, '').match(/[A-Za-z]+/g) ?? []
      expect(latinWords.filter((word) => !PRODUCT_AND_FORMAT_NAMES.has(word))).toEqual([])
    }
    expect(SHELL_MESSAGES.ar.documentProblem('a.pdf', { kind: 'no-text-layer' })).toContain(
      'بلا طبقة نصية',
    )
  })

  it('word a vanished recent article in both languages', () => {
    expect(SHELL_MESSAGES.en.recentArticleGone('paper.md', '/home/r')).toBe(
      'Could not open “paper.md”: it is no longer in /home/r (moved, renamed or deleted), so it has been taken off Recent Articles.',
    )
    expect(SHELL_MESSAGES.ar.recentArticleGone('paper.md', '/home/r')).toMatch(
      /^تعذّر فتح «paper\.md»: لم يعد في \/home\/r/,
    )
  })
})

describe('shellLanguageFor', () => {
  it('takes the first preferred language Hamish speaks, English otherwise', () => {
    expect(shellLanguageFor(['fr-FR', 'ar-IQ', 'en-US'])).toBe('ar')
    expect(shellLanguageFor(['en_GB', 'ar'])).toBe('en')
    expect(shellLanguageFor(['de-DE'])).toBe('en')
    expect(shellLanguageFor([])).toBe('en')
  })
})
