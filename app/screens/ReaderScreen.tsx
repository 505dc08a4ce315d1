import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../src/core/platform'
import { ArticleHeader } from '../components/ArticleHeader'
import { Notice } from '../components/Notice'
import { ReaderToolbar } from '../components/ReaderToolbar'
import { describeOpenError } from '../reader/describe-open-error'
import { bundledArticle, startupArticle } from '../reader/load-article'
import { useReading } from '../reader/use-reading'
import type { Host } from '../platform/choose-platform'
import { HostSeminarForReading } from '../seminar/HostSeminarDialog'
import { HelpDialog, type HelpTopic } from '../shell/HelpDialog'
import { useDesktopShell } from '../shell/use-desktop-shell'
import { useFileDrop } from '../shell/use-file-drop'
import { deviceIdentity } from '../state/identity'
import { ReadingWorkspace } from './ReadingWorkspace'

const SIDE_PANEL_ID = 'reader-side-panel'

export function ReaderScreen({ host }: { host: Host }) {
  const { platform, shell } = host
  const { t } = useTranslation()
  const initial = useCallback(() => startupArticle(platform), [platform])
  const { state, open, openError, dismissOpenError } = useReading(initial)
  // Read once per window: the identity names the reader's documents, so it must not change under them.
  const identity = useMemo(() => deviceIdentity(t('defaultUserName')), []) // eslint-disable-line react-hooks/exhaustive-deps

  const [help, setHelp] = useState<{ topic: HelpTopic; info: AppInfo | null } | null>(null)
  const [hosting, setHosting] = useState(false)
  const showHelp = useCallback(
    (topic: HelpTopic) => {
      void platform.appInfo().then(
        (info) => setHelp({ topic, info }),
        () => setHelp({ topic, info: null }),
      )
    },
    [platform],
  )
  const shellActions = useMemo(
    () => ({
      openArticle: () => void open(platform.openArticle),
      open: (source: Parameters<typeof open>[0]) => void open(source),
      showHelp,
      hostSeminar: () => setHosting(true),
    }),
    [open, platform, showHelp],
  )
  const { progress } = useDesktopShell(shell, shellActions)
  useEffect(() => {
    // In the desktop app the Help menu's accelerator takes Ctrl+/ before the page sees it.
    if (shell) return
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === '/') {
        event.preventDefault()
        showHelp('shortcuts')
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [shell, showHelp])
  useFileDrop(shell, shellActions.open)

  const overlays = (
    <>
      {progress && (
        <p className="import-progress" role="status">
          {t('importProgress', progress)}
        </p>
      )}
      {help && <HelpDialog topic={help.topic} info={help.info} onClose={() => setHelp(null)} />}
      {hosting && state.status === 'ready' && (
        <HostSeminarForReading
          reading={state.reading}
          platform={platform}
          defaultName={identity.name === t('defaultUserName') ? '' : identity.name}
          onClose={() => setHosting(false)}
        />
      )}
    </>
  )

  const header = (controls: ReactNode) => (
    <header className="app-header">
      <span className="app-name">{t('appName')}</span>
      {state.status === 'ready' && <ArticleHeader meta={state.reading.meta.article} />}
      <ReaderToolbar
        outlineId={SIDE_PANEL_ID}
        onOpenArticle={shellActions.openArticle}
        onShowShortcuts={() => showHelp('shortcuts')}
        onHostSeminar={() => setHosting(true)}
      >
        {controls}
      </ReaderToolbar>
    </header>
  )

  if (state.status === 'loading') {
    return (
      <div className="app">
        {header(null)}
        {overlays}
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
        {overlays}
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
        <>
          {overlays}
          {openError !== null && (
            <Notice message={describeOpenError(t, openError)} onDismiss={dismissOpenError} />
          )}
        </>
      }
    />
  )
}
