import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { joinSeminar } from '../../src/collab/seminar/seminar-api-client'
import { membershipFromToken } from '../../src/core/seminar/membership'
import { parseJoinLink } from '../../src/core/seminar/seminar-links'
import { enterSeminar } from '../state/memberships'
import { describeSeminarError } from './describe-seminar-error'
import { useModalDialog } from '../shell/use-modal-dialog'

export interface JoinPrefill {
  server: string
  seminarId: string
  code: string
}

interface JoinSeminarDialogProps {
  prefill: JoinPrefill | null
  defaultName: string
  onClose: () => void
}

/**
 * Joining a seminar: a pasted join link fills the server, seminar and code (or they are typed),
 * plus the name classmates will see. On success the seminar is remembered and opened.
 */
export function JoinSeminarDialog({ prefill, defaultName, onClose }: JoinSeminarDialogProps) {
  const { t } = useTranslation()
  const id = useId()
  const dialog = useModalDialog()
  const [link, setLink] = useState('')
  const [server, setServer] = useState(prefill?.server ?? '')
  const [seminarId, setSeminarId] = useState(prefill?.seminarId ?? '')
  const [code, setCode] = useState(prefill?.code ?? '')
  const [name, setName] = useState(defaultName)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const onLink = (value: string) => {
    setLink(value)
    if (!value.trim()) return setProblem(null)
    const parsed = parseJoinLink(value)
    if (!parsed) return setProblem(t('seminar_badLink'))
    setProblem(null)
    setServer(parsed.server)
    setSeminarId(parsed.seminarId)
    setCode(parsed.code)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const fields = [server, seminarId, code, name].map((value) => value.trim())
    if (fields.some((value) => !value)) return setProblem(t('seminar_missingFields'))
    const base = server.trim().endsWith('/') ? server.trim() : `${server.trim()}/`
    setBusy(true)
    setProblem(null)
    try {
      const joined = await joinSeminar(base, seminarId.trim(), {
        code: code.trim(),
        name: name.trim(),
      })
      const membership = membershipFromToken(base, joined.token, new Date())
      if (!membership) throw new Error('the server sent a token that is not a member token')
      enterSeminar(membership)
      // Not through the dialog's close event: the screen under it changes at once.
      onClose()
    } catch (error) {
      setProblem(describeSeminarError(t, error, base))
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog
      ref={dialog}
      className="help-dialog seminar-dialog"
      data-testid="join-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)} className="seminar-form">
        <h2 id={`${id}-title`}>{t('seminar_joinTitle')}</h2>
        <p>{t('seminar_joinIntro')}</p>
        <label>
          {t('seminar_linkLabel')}
          <input
            dir="ltr"
            type="url"
            value={link}
            onChange={(event) => onLink(event.target.value)}
            placeholder="http://…/join/…#code=…"
            data-testid="join-link"
          />
        </label>
        <div className="seminar-fields">
          <label>
            {t('seminar_serverLabel')}
            <input dir="ltr" value={server} onChange={(event) => setServer(event.target.value)} />
          </label>
          <label>
            {t('seminar_idLabel')}
            <input
              dir="ltr"
              value={seminarId}
              onChange={(event) => setSeminarId(event.target.value)}
            />
          </label>
          <label>
            {t('seminar_codeLabel')}
            <input
              dir="ltr"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              data-testid="join-code"
            />
          </label>
        </div>
        <label>
          {t('seminar_nameLabel')}
          <input
            dir="auto"
            value={name}
            maxLength={80}
            onChange={(event) => setName(event.target.value)}
            data-testid="join-name"
            autoFocus={prefill !== null}
          />
        </label>
        {problem && (
          <p className="form-problem" role="alert" dir="auto">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="tool primary" disabled={busy} data-testid="join-submit">
            {busy ? t('seminar_joining') : t('seminar_joinAction')}
          </button>
          <button type="button" className="tool" onClick={() => dialog.current?.close()}>
            {t('seminar_cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
