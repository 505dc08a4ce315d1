import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { ar } from './messages-ar'
import { en } from './messages-en'
import type { UiLanguage } from './ui-language'

/** The one i18n layer: every UI string goes through it. */
export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ar: { translation: ar } },
    // React escapes what it renders; escaping here too would show entities as text.
    interpolation: { escapeValue: false },
    returnNull: false,
    // Every key is a flat name: no key holds a `.` or `:` to split on, so `t` need not look.
    keySeparator: false,
    nsSeparator: false,
  })
  return i18next
}
