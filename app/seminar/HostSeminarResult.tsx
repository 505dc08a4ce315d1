import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostedSeminar } from '../../src/core/seminar/seminar-hosting'
import { HostQrCode } from './HostQrCode'

interface HostSeminarResultProps {
  seminar: HostedSeminar
  serverUrl: string
  canStop: boolean
  busy: boolean
  onOpenSeminar: ((instructorUrl: string) => void) | undefined
  onStop: () => void
  onHostAnother: () => void
  onClose: () => void
}

/** The seminar is open: how students join (link, code, QR), the instructor's link, and stopping. */
export function HostSeminarResult({
  seminar,
  serverUrl,
  canStop,
  busy,
  onOpenSeminar,
  onStop,
  onHostAnother,
  onClose,
}: HostSeminarResultProps) {
  const { t } = useTranslation()
  const [showInstructorLink, setShowInstructorLink] = useState(false)
  const [confirmingStop, setConfirmingStop] = useState(false)
  const instructorLinkId = useId()

  return (
    <div className="host-result" data-testid="host-result">
      <p className="host-served-at">
        {t('host_servedAt')} <bdi dir="ltr">{serverUrl}</bdi>
      </p>
      <CopyField
        label={t('host_joinLink')}
        value={seminar.joinUrl}
        testId="host-join-link"
        autoFocus
      />
      <div className="host-join">
        <div>
          <p className="host-label" id="host-code-label">
            {t('host_joinCode')}
          </p>
          <p
            className="host-code"
            dir="ltr"
            aria-labelledby="host-code-label"
            data-testid="host-join-code"
          >
            {seminar.joinCode}
          </p>
        </div>
        <HostQrCode text={seminar.joinUrl} label={t('host_qrLabel')} />
      </div>

      <div className="host-instructor">
        <p className="host-label">
          {t('host_instructorLink')}{' '}
          <button
            type="button"
            className="tool"
            aria-expanded={showInstructorLink}
            aria-controls={instructorLinkId}
            onClick={() => setShowInstructorLink(!showInstructorLink)}
          >
            {showInstructorLink ? t('host_hideInstructorLink') : t('host_showInstructorLink')}
          </button>
        </p>
        <p className="host-hint">{t('host_instructorLinkHint')}</p>
        <div id={instructorLinkId} hidden={!showInstructorLink}>
          {showInstructorLink && (
            <CopyField
              label={t('host_instructorLink')}
              value={seminar.instructorUrl}
              testId="host-instructor-link"
              hideLabel
            />
          )}
        </div>
      </div>

      {!canStop && <p className="host-hint">{t('host_browserCannotStop')}</p>}

      {confirmingStop ? (
        <div className="host-problem" role="alert">
          <p>{t('host_stopConfirm')}</p>
          <div className="host-actions">
            <button type="button" className="tool" disabled={busy} onClick={onStop}>
              {t('host_stopYes')}
            </button>
            <button
              type="button"
              className="tool tool-primary"
              autoFocus
              onClick={() => setConfirmingStop(false)}
            >
              {t('host_stopNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="host-actions">
          {onOpenSeminar && (
            <button
              type="button"
              className="tool tool-primary"
              onClick={() => onOpenSeminar(seminar.instructorUrl)}
            >
              {t('host_openAsInstructor')}
            </button>
          )}
          <button type="button" className="tool" onClick={onHostAnother}>
            {t('host_another')}
          </button>
          {canStop && (
            <button type="button" className="tool" onClick={() => setConfirmingStop(true)}>
              {t('host_stop')}
            </button>
          )}
          <button type="button" className="tool" onClick={onClose}>
            {t('host_close')}
          </button>
        </div>
      )}
    </div>
  )
}

/** A read-only address with a Copy button; where the clipboard is refused, the text is selected. */
function CopyField({
  label,
  value,
  testId,
  hideLabel = false,
  autoFocus = false,
}: {
  label: string
  value: string
  testId: string
  hideLabel?: boolean
  /** Takes the focus when shown: the form that had it is gone. */
  autoFocus?: boolean
}) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<'yes' | 'by-hand' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('yes')
    } catch {
      input.current?.select()
      setCopied('by-hand')
    }
  }
  return (
    <div className="host-copy">
      <label className={hideLabel ? 'visually-hidden' : 'host-label'} htmlFor={`${testId}-input`}>
        {label}
      </label>
      <div className="host-copy-row">
        <input
          ref={input}
          id={`${testId}-input`}
          type="text"
          readOnly
          dir="ltr"
          value={value}
          onFocus={(event) => event.target.select()}
          data-testid={testId}
        />
        <button type="button" className="tool" autoFocus={autoFocus} onClick={() => void copy()}>
          {t('host_copy')}
        </button>
      </div>
      <p className="host-hint" role="status">
        {copied === 'yes' ? t('host_copied') : copied === 'by-hand' ? t('host_copyByHand') : ''}
      </p>
    </div>
  )
}
