import { describe, expect, it } from 'vitest'
import { isAppUrl } from './app-origin'
import { decideNavigation } from './navigation-policy'

describe('isAppUrl', () => {
  it('knows the app origin by scheme and host', () => {
    expect(isAppUrl('app://hamish/index.html')).toBe(true)
    expect(isAppUrl('app://hamish/')).toBe(true)
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('app://hamish:8080/index.html')).toBe(false)
    expect(isAppUrl('app://user@hamish/index.html')).toBe(false)
    expect(isAppUrl('https://hamish/index.html')).toBe(false)
    expect(isAppUrl('file:///opt/hamish/dist/web/index.html')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
    expect(isAppUrl('')).toBe(false)
    expect(isAppUrl(null)).toBe(false)
  })
})

describe('decideNavigation', () => {
  it('keeps the app in the window', () => {
    expect(decideNavigation('app://hamish/index.html#notes')).toBe('allow-in-app')
  })

  it('offers web links to the browser', () => {
    expect(decideNavigation('https://political-encyclopedia.org/library/6722')).toBe(
      'ask-to-open-externally',
    )
    expect(decideNavigation('http://example.org/')).toBe('ask-to-open-externally')
  })

  it('refuses every other scheme and disguised links', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://server/share',
      'ms-msdt:/id',
      'https://bank.example@evil.example/',
      'app://elsewhere/',
      'nonsense',
    ]) {
      expect(decideNavigation(url)).toBe('deny')
    }
  })
})
