import './HostSeminarDialog.css'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import type { Platform } from '../../src/core/platform'
import type { LocalReading } from '../../src/collab/local-reading'
import type {
  HostedSeminar,
  HostingProblem,
  HostingStatus,
} from '../../src/core/seminar/seminar-hosting'
import { parseJoinLink } from '../../src/core/seminar/seminar-links'
import { HostSeminarForm, type HostFormValues } from './HostSeminarForm'
import { HostSeminarResult } from './HostSeminarResult'
import { articleOfReading } from './host-article'
import { useModalDialog } from '../shell/use-modal-dialog'

export interface HostSeminarDialogProps {
  platform: Platform
  /** The article the window shows now; read when the host presses Start. */
  article: () => ArticleDoc
  /** Prefills the seminar title. */
  articleTitle: string
  /** Prefills the host's name. */
  defaultName: string
  /** Opens the hosted seminar in this window as its instructor. */
  onOpenSeminar?: ((instructorUrl: string) => void) | undefined
  onClose: () => void
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'form'; notice: string | null }
  | { kind: 'result'; seminar: HostedSeminar; serverUrl: string; canStop: boolean }

/**
 * Host a seminar on this computer: a form, then the join link, code and QR code students use,
 * the instructor's own link, and Stop hosting. Opens on the seminar already hosted, if any.
 */
export function HostSeminarDialog({
  platform,
  article,
  articleTitle,
  defaultName,
  onOpenSeminar,
  onClose,
}: HostSeminarDialogProps) {
  const { t } = useTranslation()
  const dialog = useModalDialog()
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<HostingProblem | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [values, setValues] = useState<HostFormValues>({
    title: articleTitle.replace(/\s+/g, ' ').trim().slice(0, 200),
    instructorName: defaultName,
    settings: { postBeforeSeeing: false, anonymousToPeers: false },
    adminToken: '',
  })

  const showStatus = useCallback((status: HostingStatus, fallback: Phase) => {
    const latest = status.state === 'hosting' ? status.seminars.at(-1) : undefined
    setPhase(
      status.state === 'hosting' && latest
        ? { kind: 'result', seminar: latest, serverUrl: status.serverUrl, canStop: status.canStop }
        : fallback,
    )
  }, [])

  useEffect(() => {
    let live = true
    platform.hostingStatus().then(
      (status) => live && showStatus(status, { kind: 'form', notice: null }),
      () => live && setPhase({ kind: 'form', notice: null }),
    )
    return () => {
      live = false
    }
  }, [platform, showStatus])

  const host = async (submitted: HostFormValues, port?: number) => {
    setValues(submitted)
    setBusy(true)
    setProblem(null)
    setFailure(null)
    try {
      const name = submitted.instructorName.trim()
      const outcome = await platform.hostSeminar({
        title: submitted.title,
        settings: submitted.settings,
        article: article(),
        ...(name && { instructorName: name }),
        ...(port !== undefined && { port }),
        ...(submitted.adminToken.trim() && { adminToken: submitted.adminToken }),
      })
      if (!outcome.ok) {
        setProblem(outcome.problem)
        return
      }
      const status = await platform.hostingStatus()
      showStatus(status, {
        kind: 'result',
        seminar: outcome.seminar,
        serverUrl: parseJoinLink(outcome.seminar.joinUrl)?.server ?? outcome.seminar.joinUrl,
        canStop: false,
      })
    } catch (error) {
      setFailure(t('host_failed', { detail: error instanceof Error ? error.message : error }))
    } finally {
      setBusy(false)
    }
  }

  const stop = async () => {
    setBusy(true)
    try {
      await platform.stopHosting()
      setPhase({ kind: 'form', notice: t('host_stopped') })
    } catch (error) {
      setFailure(t('host_failed', { detail: error instanceof Error ? error.message : error }))
      setPhase({ kind: 'form', notice: null })
    } finally {
      setBusy(false)
    }
  }

  let body: ReactNode
  if (phase.kind === 'loading') {
    body = <p role="status">{t('loading')}</p>
  } else if (phase.kind === 'form') {
    body = (
      <HostSeminarForm
        initial={values}
        offerAdminToken={platform.kind === 'browser'}
        busy={busy}
        problem={problem}
        failure={failure}
        notice={phase.notice}
        onSubmit={(submitted, port) => void host(submitted, port)}
        onCancel={() => dialog.current?.close()}
      />
    )
  } else {
    body = (
      <HostSeminarResult
        seminar={phase.seminar}
        serverUrl={phase.serverUrl}
        canStop={phase.canStop}
        busy={busy}
        onOpenSeminar={
          onOpenSeminar &&
          ((url) => {
            onOpenSeminar(url)
            dialog.current?.close()
          })
        }
        onStop={() => void stop()}
        onHostAnother={() => setPhase({ kind: 'form', notice: null })}
        onClose={() => dialog.current?.close()}
      />
    )
  }

  return (
    <dialog
      ref={dialog}
      className="help-dialog host-dialog"
      data-testid="dialog-host"
      aria-labelledby="host-dialog-title"
      onClose={onClose}
    >
      <h2 id="host-dialog-title">{phase.kind === 'result' ? t('host_ready') : t('host_title')}</h2>
      {body}
    </dialog>
  )
}

/** The dialog for the reading this window shows: its article, as edited, and its title. */
export function HostSeminarForReading({
  reading,
  ...props
}: Omit<HostSeminarDialogProps, 'article' | 'articleTitle'> & {
  reading: Pick<LocalReading, 'fragment' | 'meta'>
}) {
  return (
    <HostSeminarDialog
      {...props}
      article={() => articleOfReading(reading)}
      articleTitle={reading.meta.article.title}
    />
  )
}
