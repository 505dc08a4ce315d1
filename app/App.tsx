import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { AppFailed } from './components/AppFailed'
import { ErrorBoundary } from './components/ErrorBoundary'
import { directionOf } from './i18n/ui-language'
import type { Host } from './platform/choose-platform'
import { ReaderScreen } from './screens/ReaderScreen'
import { usePreferences } from './state/preferences'

/** Applies the preferences that belong to the whole page (language, direction, theme, size). */
export function App({ host }: { host: Host }) {
  const preferences = usePreferences()
  const { t, i18n } = useTranslation()

  useEffect(() => {
    const root = document.documentElement
    root.lang = preferences.language
    root.dir = directionOf(preferences.language)
    root.dataset['theme'] = preferences.theme
    root.style.setProperty('--article-scale', String(preferences.fontScale / 100))
    if (i18n.language !== preferences.language) void i18n.changeLanguage(preferences.language)
  }, [preferences, i18n])

  useEffect(() => {
    document.title = t('appName')
    // The front-matter summary's text is UI, not article: CSS puts it in from this variable.
    document.documentElement.style.setProperty(
      '--front-matter-label',
      JSON.stringify(t('frontMatterLabel')),
    )
  }, [t])

  return (
    <ErrorBoundary fallback={(error) => <AppFailed error={error} />}>
      <ReaderScreen host={host} />
    </ErrorBoundary>
  )
}
