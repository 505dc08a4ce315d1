import { useCallback, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Platform } from '../../src/core/platform'
import { ArticleHeader } from '../components/ArticleHeader'
import { Notice } from '../components/Notice'
import { ReaderToolbar } from '../components/ReaderToolbar'
import { describeOpenError } from '../reader/describe-open-error'
import { bundledArticle, startupArticle } from '../reader/load-article'
import { useReading } from '../reader/use-reading'
import { deviceIdentity } from '../state/identity'
import { ReadingWorkspace } from './ReadingWorkspace'

const SIDE_PANEL_ID = 'reader-side-panel'

export function ReaderScreen({ platform }: { platform: Platform }) {
  const { t } = useTranslation()
  const initial = useCallback(() => startupArticle(platform), [platform])
  const { state, open, openError, dismissOpenError } = useReading(initial)
  // Read once per window: the identity names the reader's documents, so it must not change under them.
  const identity = useMemo(() => deviceIdentity(t('defaultUserName')), []) // eslint-disable-line react-hooks/exhaustive-deps

  const header = (controls: ReactNode) => (
    <header className="app-header">
      <span className="app-name">{t('appName')}</span>
      {state.status === 'ready' && <ArticleHeader meta={state.reading.meta.article} />}
      <ReaderToolbar
        outlineId={SIDE_PANEL_ID}
        onOpenArticle={() => void open(platform.openArticle)}
      >
        {controls}
      </ReaderToolbar>
    </header>
  )

  if (state.status === 'loading') {
    return (
      <div className="app">
        {header(null)}
        <main className="status-screen" aria-busy="true">
          <p role="status">{t('loading')}</p>
        </main>
      </div>
    )
  }

  if (state.status === 'failed') {
    return (
      <div className="app">
        {header(null)}
        <main className="status-screen">
          <h1>{t('loadFailedTitle')}</h1>
          <p dir="auto">{describeOpenError(t, state.error)}</p>
          <div className="status-actions">
            <button type="button" className="tool" onClick={() => void open(initial)}>
              {t('retry')}
            </button>
            <button
              type="button"
              className="tool"
              onClick={() => void open(() => Promise.resolve(bundledArticle()))}
            >
              {t('openBuiltIn')}
            </button>
          </div>
        </main>
      </div>
    )
  }

  return (
    <ReadingWorkspace
      key={state.reading.docName}
      reading={state.reading}
      identity={identity}
      header={header}
      sidePanelId={SIDE_PANEL_ID}
      notice={
        openError !== null && (
          <Notice message={describeOpenError(t, openError)} onDismiss={dismissOpenError} />
        )
      }
    />
  )
}
