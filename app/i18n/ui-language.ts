export type UiLanguage = 'ar' | 'en'

export const UI_LANGUAGES: readonly UiLanguage[] = ['ar', 'en']

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'ar' || value === 'en'
}

/** The first of the system's preferred languages that Hamish speaks; English otherwise. */
export function systemUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isUiLanguage(primary)) return primary
  }
  return 'en'
}

export function directionOf(language: UiLanguage): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr'
}
