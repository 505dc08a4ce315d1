import { useTranslation } from 'react-i18next'
import { errorDetail } from './ErrorBoundary'

/** The page when something in it failed to render: what happened, that nothing saved is lost. */
export function AppFailed({ error }: { error: unknown }) {
  const { t } = useTranslation()
  return (
    <main className="app-failed" role="alert">
      <h1>{t('appName')}</h1>
      <p dir="auto">{t('appFailed', { detail: errorDetail(error) })}</p>
      <button type="button" className="tool" onClick={() => window.location.reload()}>
        {t('reload')}
      </button>
    </main>
  )
}
