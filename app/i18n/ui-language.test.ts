import { describe, expect, it } from 'vitest'
import { ar } from './messages-ar'
import { en } from './messages-en'
import { directionOf, systemUiLanguage } from './ui-language'

describe('UI language', () => {
  it('follows the system locale', () => {
    expect(systemUiLanguage(['ar-IQ', 'en-US'])).toBe('ar')
    expect(systemUiLanguage(['fr-FR', 'en-GB'])).toBe('en')
    expect(systemUiLanguage(['de'])).toBe('en')
    expect(systemUiLanguage([])).toBe('en')
  })

  it('mirrors the layout for Arabic', () => {
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('en')).toBe('ltr')
  })

  it('translates every string, keeping each placeholder', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ar[key], key).not.toBe('')
      expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]))
    }
  })
})
