import type { Editor } from '@tiptap/react'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Platform } from '../../src/core/platform'
import { ArticleHeader } from '../components/ArticleHeader'
import { ArticleView } from '../components/ArticleView'
import { Notice } from '../components/Notice'
import { Outline } from '../components/Outline'
import { ReaderToolbar } from '../components/ReaderToolbar'
import { describeOpenError } from '../reader/describe-open-error'
import { bundledArticle, startupArticle } from '../reader/load-article'
import { useOutline } from '../reader/use-outline'
import { useReading } from '../reader/use-reading'
import { usePreferences } from '../state/preferences'

const OUTLINE_ID = 'reader-outline'

export function ReaderScreen({ platform }: { platform: Platform }) {
  const { t } = useTranslation()
  const preferences = usePreferences()
  const initial = useCallback(() => startupArticle(platform), [platform])
  const { state, open, openError, dismissOpenError } = useReading(initial)
  const [editor, setEditor] = useState<Editor | null>(null)
  const outline = useOutline(editor)

  const header = (
    <header className="app-header">
      <span className="app-name">{t('appName')}</span>
      {state.status === 'ready' && <ArticleHeader meta={state.reading.meta.article} />}
      <ReaderToolbar outlineId={OUTLINE_ID} onOpenArticle={() => void open(platform.openArticle)} />
    </header>
  )

  if (state.status === 'loading') {
    return (
      <div className="app">
        {header}
        <main className="status-screen" aria-busy="true">
          <p role="status">{t('loading')}</p>
        </main>
      </div>
    )
  }

  if (state.status === 'failed') {
    return (
      <div className="app">
        {header}
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
    <div className="app" data-outline-open={preferences.outlineOpen}>
      <a className="skip-link" href="#article-main">
        {t('skipToArticle')}
      </a>
      {header}
      {openError !== null && (
        <Notice message={describeOpenError(t, openError)} onDismiss={dismissOpenError} />
      )}
      <div className="reader">
        {preferences.outlineOpen && (
          <aside className="side-panel">
            <Outline id={OUTLINE_ID} editor={editor} entries={outline} />
          </aside>
        )}
        <main id="article-main" className="reading-area" tabIndex={-1}>
          <ArticleView key={state.reading.docName} reading={state.reading} onEditor={setEditor} />
        </main>
      </div>
    </div>
  )
}
