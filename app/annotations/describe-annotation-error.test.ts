import { describe, expect, it } from 'vitest'
import { LocalStorageUnavailableError } from '../../src/collab/persisted-doc'
import { initI18n } from '../i18n/i18n'
import { describeAnnotationError } from './describe-annotation-error'

describe('describeAnnotationError', () => {
  it('says what to do when the reader’s own documents would not open, in either language', async () => {
    const i18n = await initI18n('en')
    const failure = new LocalStorageUnavailableError(
      'seminar:local-1:user:u-1:class',
      'UnknownError: Internal error opening backing store',
    )
    const english = describeAnnotationError(i18n.t, failure)
    expect(english).toContain('could not open this browser’s local storage')
    expect(english).toContain('Internal error opening backing store')
    expect(english).not.toContain('IndexedDB would not open')

    await i18n.changeLanguage('ar')
    const arabic = describeAnnotationError(i18n.t, failure)
    expect(arabic).toContain('تعذّر على هامش فتح التخزين المحلي')
    expect(arabic).not.toContain('IndexedDB would not open')
  })
})
