import { lazy, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../src/core/platform'
import { ArticleHeader } from '../components/ArticleHeader'
import { DialogSuspense } from '../components/DialogSuspense'
import { Notice } from '../components/Notice'
import { UnsavedChangesNotice } from '../components/UnsavedChangesNotice'
import { ReaderToolbar } from '../components/ReaderToolbar'
import { useHeaderHeight } from '../components/use-header-height'
import { describeOpenError } from '../reader/describe-open-error'
import { bundledArticle, startupArticle } from '../reader/load-article'
import { useReading } from '../reader/use-reading'
import type { Host } from '../platform/choose-platform'
import { keepAppForOffline } from '../platform/offline-shell'
import { openHostedSeminar } from '../seminar/host-open-seminar'
import type { HelpTopic } from '../shell/HelpDialog'
import { useDesktopShell } from '../shell/use-desktop-shell'
import { useFileDrop } from '../shell/use-file-drop'
import { describeSeminarError } from '../seminar/describe-seminar-error'
import type { JoinPrefill } from '../seminar/JoinSeminarDialog'
import { SeminarSwitcher } from '../seminar/SeminarSwitcher'
import { SyncStatusIndicator } from '../seminar/SyncStatusIndicator'
import { useSeminarLinks } from '../seminar/use-seminar-links'
import { useSeminarReading } from '../seminar/use-seminar-reading'
import { deviceIdentity, type Identity } from '../state/identity'
import { goTo, membershipAt, useMemberships } from '../state/memberships'
import { membershipKey } from '../../src/core/seminar/membership'
import { shortcutKey } from '../platform/shortcut-key'
import { ReadingWorkspace } from './ReadingWorkspace'

const SIDE_PANEL_ID = 'reader-side-panel'

// Opened on demand, so their code (the seminar forms, the QR code) loads with the first opening
// rather than before the article shows.
const HelpDialog = lazy(() =>
  import('../shell/HelpDialog').then((m) => ({ default: m.HelpDialog })),
)
const HostSeminarForReading = lazy(() =>
  import('../seminar/HostSeminarDialog').then((m) => ({ default: m.HostSeminarForReading })),
)
const JoinSeminarDialog = lazy(() =>
  import('../seminar/JoinSeminarDialog').then((m) => ({ default: m.JoinSeminarDialog })),
)

export function ReaderScreen({ host }: { host: Host }) {
  const { platform, shell } = host
  const { t } = useTranslation()
  const headerRef = useHeaderHeight()
  const initial = useCallback(() => startupArticle(platform), [platform])
  // A seminar, when one is chosen: the same workspace over its synced documents.
  const { memberships, place } = useMemberships()
  // The same object for the whole window (see deviceIdentity).
  const deviceReader = deviceIdentity(t('defaultUserName'))
  const {
    state: localState,
    open,
    openError,
    dismissOpenError,
  } = useReading(initial, deviceReader.userId, place.kind === 'local')

  const found = membershipAt(place, memberships)
  // The same seminar under the same token is the same membership, whatever else was learnt about
  // it since (its title): a new object here would close and reopen the whole seminar.
  const sameSeminar = found && `${membershipKey(found)}|${found.userId}|${found.token}`
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const membership = useMemo(() => found, [sameSeminar])
  const [attempt, setAttempt] = useState(0)
  const opened = useSeminarReading(membership, attempt)
  // Between choosing another seminar and its opening, the previous one must not show under it.
  const seminarState =
    opened.status === 'ready' && opened.reading.connection.membership !== membership
      ? ({ status: 'loading' } as const)
      : opened
  const state = membership ? seminarState : localState
  const identity: Identity = useMemo(
    () => (membership ? { userId: membership.userId, name: membership.name } : deviceReader),
    [membership, deviceReader],
  )
  // Not before the first screen has shown: keeping the app's files downloads them all again.
  const settled = state.status !== 'loading'
  useEffect(() => {
    if (settled) keepAppForOffline()
  }, [settled])
  const [link, linkHandled] = useSeminarLinks()
  const [joining, setJoining] = useState<JoinPrefill | null | false>(
    link.kind === 'join' ? link.prefill : false,
  )

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
  const shellActions = useMemo(() => {
    // An opened article is read alone: leave the seminar view for it (not when the user cancels).
    const openAlone = (source: Parameters<typeof open>[0]) =>
      void open(async () => {
        const opened = await source()
        if (opened) goTo({ kind: 'local' })
        return opened
      })
    return {
      openArticle: () => openAlone(platform.openArticle),
      open: openAlone,
      showHelp,
      hostSeminar: () => setHosting(true),
      joinSeminar: () => setJoining(null),
      leaveSeminar: () => goTo({ kind: 'local' }),
    }
  }, [open, platform, showHelp])
  const { progress } = useDesktopShell(shell, shellActions)
  useEffect(() => {
    // In the desktop app the Help menu's accelerator takes Ctrl+/ before the page sees it.
    if (shell) return
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && shortcutKey(event) === '/') {
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
      <UnsavedChangesNotice />
      {progress && (
        <p className="import-progress" role="status">
          {t('importProgress', progress)}
        </p>
      )}
      {link.kind === 'bad-instructor-link' && (
        <Notice message={t('seminar_badInstructorLink')} onDismiss={linkHandled} />
      )}
    </>
  )

  const closeJoin = () => {
    setJoining(false)
    linkHandled()
  }

  // Rendered beside whichever screen shows, always at the same place: a dialog must not lose
  // what is typed in it when the screen under it changes (the article finishing loading, say).
  const dialogs = (
    <>
      {help && (
        <DialogSuspense onClose={() => setHelp(null)}>
          <HelpDialog topic={help.topic} info={help.info} onClose={() => setHelp(null)} />
        </DialogSuspense>
      )}
      {hosting && state.status === 'ready' && (
        <DialogSuspense onClose={() => setHosting(false)}>
          <HostSeminarForReading
            reading={state.reading}
            platform={platform}
            defaultName={identity.name === t('defaultUserName') ? '' : identity.name}
            onOpenSeminar={openHostedSeminar}
            onClose={() => setHosting(false)}
          />
        </DialogSuspense>
      )}
      {joining !== false && (
        <DialogSuspense onClose={closeJoin}>
          <JoinSeminarDialog
            prefill={joining}
            defaultName={memberships[0]?.name ?? ''}
            onClose={closeJoin}
          />
        </DialogSuspense>
      )}
    </>
  )

  const header = (controls: ReactNode) => (
    <header className="app-header" ref={headerRef}>
      <span className="app-name">{t('appName')}</span>
      {state.status === 'ready' && <ArticleHeader meta={state.reading.meta.article} />}
      <SeminarSwitcher onJoin={() => setJoining(null)} />
      {membership && seminarState.status === 'ready' && (
        <SyncStatusIndicator connection={seminarState.reading.connection} />
      )}
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

  return (
    <>
      {screen()}
      {dialogs}
    </>
  )

  function screen(): ReactNode {
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
            <p dir="auto">
              {membership
                ? describeSeminarError(t, state.error, membership.server)
                : describeOpenError(t, state.error)}
            </p>
            <div className="status-actions">
              <button
                type="button"
                className="tool"
                onClick={() => (membership ? setAttempt(attempt + 1) : void open(initial))}
              >
                {t('retry')}
              </button>
              {membership && (
                <button type="button" className="tool" onClick={() => goTo({ kind: 'local' })}>
                  {t('seminar_backToAlone')}
                </button>
              )}
              <button
                type="button"
                className="tool"
                onClick={() => {
                  goTo({ kind: 'local' })
                  void open(bundledArticle)
                }}
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
        key={
          membership
            ? `${membershipKey(membership)}|${state.reading.docName}`
            : state.reading.docName
        }
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
}
