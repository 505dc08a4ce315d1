import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostingProblem } from '../../src/core/seminar/seminar-hosting'
import type { SeminarSettings } from '../../src/core/seminar/seminar-settings'

export interface HostFormValues {
  title: string
  instructorName: string
  settings: SeminarSettings
  adminToken: string
}

interface HostSeminarFormProps {
  initial: HostFormValues
  /** Only a browser page asks a server for seminars with an admin token. */
  offerAdminToken: boolean
  busy: boolean
  problem: HostingProblem | null
  /** An unexpected failure, already a sentence. */
  failure: string | null
  notice: string | null
  onSubmit: (values: HostFormValues, port?: number) => void
  onCancel: () => void
}

/** What the host fills in: the title, their name, and the two pedagogy options. */
export function HostSeminarForm({
  initial,
  offerAdminToken,
  busy,
  problem,
  failure,
  notice,
  onSubmit,
  onCancel,
}: HostSeminarFormProps) {
  const { t } = useTranslation()
  const [values, setValues] = useState(initial)
  const set = (change: Partial<HostFormValues>) =>
    setValues((current) => ({ ...current, ...change }))
  const setting = (change: Partial<SeminarSettings>) =>
    set({ settings: { ...values.settings, ...change } })
  const tokenProblem = problem?.kind === 'not-allowed' || problem?.kind === 'bad-admin-token'
  const showToken = offerAdminToken && (tokenProblem || values.adminToken !== '')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(values)
  }

  return (
    <form className="host-form" onSubmit={submit} aria-busy={busy}>
      <p className="host-intro">{t('host_intro')}</p>
      {notice && (
        <p className="host-notice" role="status">
          {notice}
        </p>
      )}
      <label className="host-field">
        <span>{t('host_seminarTitle')}</span>
        <input
          type="text"
          dir="auto"
          required
          maxLength={200}
          autoFocus
          value={values.title}
          onChange={(event) => set({ title: event.target.value })}
          data-testid="host-title"
        />
      </label>
      <label className="host-field">
        <span>{t('host_yourName')}</span>
        <input
          type="text"
          dir="auto"
          maxLength={80}
          autoComplete="name"
          value={values.instructorName}
          onChange={(event) => set({ instructorName: event.target.value })}
          data-testid="host-name"
        />
      </label>
      <fieldset className="host-options">
        <label className="host-option">
          <input
            type="checkbox"
            checked={values.settings.postBeforeSeeing}
            onChange={(event) => setting({ postBeforeSeeing: event.target.checked })}
            aria-describedby="host-post-before-seeing-hint"
          />
          <span>{t('host_postBeforeSeeing')}</span>
        </label>
        <p id="host-post-before-seeing-hint" className="host-hint">
          {t('host_postBeforeSeeingHint')}
        </p>
        <label className="host-option">
          <input
            type="checkbox"
            checked={values.settings.anonymousToPeers}
            onChange={(event) => setting({ anonymousToPeers: event.target.checked })}
            aria-describedby="host-anonymous-hint"
          />
          <span>{t('host_anonymousToPeers')}</span>
        </label>
        <p id="host-anonymous-hint" className="host-hint">
          {t('host_anonymousToPeersHint')}
        </p>
      </fieldset>
      {showToken && (
        <label className="host-field">
          <span>{t('host_adminToken')}</span>
          <input
            type="password"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            value={values.adminToken}
            onChange={(event) => set({ adminToken: event.target.value })}
            aria-describedby="host-admin-token-hint"
            data-testid="host-admin-token"
          />
          <small id="host-admin-token-hint" className="host-hint">
            {t('host_adminTokenHint')}
          </small>
        </label>
      )}
      {(problem || failure) && (
        <div className="host-problem" role="alert" data-testid="host-problem">
          <p>{problem ? t(`host_problem_${problem.kind}`, problemValues(problem)) : failure}</p>
          {(problem?.kind === 'port-in-use' || problem?.kind === 'port-forbidden') && (
            <button
              type="button"
              className="tool"
              disabled={busy}
              onClick={() => onSubmit(values, 0)}
            >
              {t('host_anyPort')}
            </button>
          )}
        </div>
      )}
      <div className="host-actions">
        <button type="submit" className="tool tool-primary" disabled={busy}>
          {busy ? t('host_starting') : t('host_start')}
        </button>
        <button type="button" className="tool" onClick={onCancel}>
          {t('host_cancel')}
        </button>
      </div>
    </form>
  )
}

function problemValues(problem: HostingProblem): Record<string, unknown> {
  return 'port' in problem ? { port: problem.port } : {}
}
