import './ExportDialog.css'
import { useEffect, useDeferredValue, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Platform } from '../../src/core/platform'
import {
  exportDocument,
  formatsFor,
  markdownOptionsApply,
  normalizeChoice,
  previewLines,
  shapesFor,
  type ExportDocument,
  type ExportSource,
} from './export-document'
import type { ExportChoice } from './export-choice'
import { isolate } from './isolate'
import { runWhenIdle } from '../platform/run-when-idle'
import { useModalDialog } from '../shell/use-modal-dialog'

interface ExportDialogProps {
  /** What there is to export, read when the preview is made. */
  source: () => ExportSource
  isInstructor: boolean
  platform: Platform
  initialChoice: ExportChoice
  onChoice: (choice: ExportChoice) => void
  onImport: () => void
  /** Opens the instructor's dashboard; absent for students. */
  onDashboard?: (() => void) | undefined
  onClose: () => void
}

type Prepared =
  | { readonly kind: 'ready'; readonly choice: ExportChoice; readonly doc: ExportDocument }
  | { readonly kind: 'failed'; readonly choice: ExportChoice; readonly detail: string }

/**
 * Export: the shape, the format and the options, a live preview of the file's first lines, and
 * Save through the platform (a save dialog in the desktop app, a download in a browser). The
 * preview is made when the browser is idle, from the latest choice, so choosing never waits on
 * it; Save writes exactly the text the preview shows the start of.
 */
export function ExportDialog({
  source,
  isInstructor,
  platform,
  initialChoice,
  onChoice,
  onImport,
  onDashboard,
  onClose,
}: ExportDialogProps) {
  const { t } = useTranslation()
  const dialog = useModalDialog()
  const ids = useId()
  const [choice, setChoice] = useState(() => normalizeChoice(initialChoice, isInstructor))
  const wanted = useDeferredValue(choice)
  const [prepared, setPrepared] = useState<Prepared | null>(null)
  const [saving, setSaving] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)

  useEffect(() => {
    return runWhenIdle(() => {
      try {
        const doc = exportDocument(source(), wanted, t(`export_shape_${wanted.shape}`))
        setPrepared({ kind: 'ready', choice: wanted, doc })
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error)
        setPrepared({ kind: 'failed', choice: wanted, detail })
      }
    })
  }, [source, wanted, t])

  const update = (change: Partial<ExportChoice>) => {
    const next = normalizeChoice({ ...choice, ...change }, isInstructor)
    setChoice(next)
    onChoice(next)
    setOutcome(null)
  }

  const current = prepared !== null && prepared.choice === choice ? prepared : null
  const busy = current === null
  const save = async () => {
    if (current?.kind !== 'ready') return
    setSaving(true)
    setOutcome(null)
    try {
      const { doc } = current
      const saved = await platform.saveText({
        suggestedName: doc.fileName,
        mimeType: doc.mimeType,
        text: doc.text,
      })
      if (saved)
        setOutcome({ ok: true, message: t('export_saved', { location: isolate(saved.location) }) })
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      setOutcome({ ok: false, message: t('export_saveFailed', { detail }) })
    } finally {
      setSaving(false)
    }
  }

  const optionsApply = markdownOptionsApply(choice)
  return (
    <dialog
      ref={dialog}
      className="help-dialog export-dialog"
      data-testid="export-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
    >
      <h2 id={`${ids}-title`}>{t('export_title')}</h2>
      <div className="export-layout">
        <form className="export-choices" onSubmit={(event) => event.preventDefault()}>
          <fieldset className="export-group">
            <legend>{t('export_shape')}</legend>
            {shapesFor(isInstructor).map((shape) => (
              <label key={shape} className="export-option">
                <input
                  type="radio"
                  name="export-shape"
                  value={shape}
                  checked={choice.shape === shape}
                  onChange={() => update({ shape })}
                />
                {t(`export_shape_${shape}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="export-group">
            <legend>{t('export_format')}</legend>
            {formatsFor(choice.shape).map((format) => (
              <label key={format} className="export-option">
                <input
                  type="radio"
                  name="export-format"
                  value={format}
                  checked={choice.format === format}
                  onChange={() => update({ format })}
                />
                {t(`export_format_${format}`)}
              </label>
            ))}
          </fieldset>
          <fieldset
            className="export-group"
            disabled={!optionsApply}
            aria-describedby={optionsApply ? undefined : `${ids}-markdown-only`}
          >
            <legend>{t('export_include')}</legend>
            <label className="export-option">
              {t('export_groupBy')}
              <select
                value={choice.groupBy}
                onChange={(event) =>
                  update({ groupBy: event.target.value as ExportChoice['groupBy'] })
                }
              >
                <option value="section">{t('export_group_section')}</option>
                <option value="author">{t('export_group_author')}</option>
                <option value="date">{t('export_group_date')}</option>
              </select>
            </label>
            <label className="export-option">
              <input
                type="checkbox"
                checked={choice.includeHighlights}
                onChange={(event) => update({ includeHighlights: event.target.checked })}
              />
              {t('export_includeHighlights')}
            </label>
            <label className="export-option">
              <input
                type="checkbox"
                checked={choice.includeResolved}
                onChange={(event) => update({ includeResolved: event.target.checked })}
              />
              {t('export_includeResolved')}
            </label>
            <label className="export-option">
              <input
                type="checkbox"
                checked={choice.includeNotebook}
                onChange={(event) => update({ includeNotebook: event.target.checked })}
              />
              {t('export_includeNotebook')}
            </label>
            {!optionsApply && (
              <p id={`${ids}-markdown-only`} className="export-hint">
                {t('export_markdownOnly')}
              </p>
            )}
          </fieldset>
        </form>
        <section className="export-preview-pane" aria-labelledby={`${ids}-preview`}>
          <h3 id={`${ids}-preview`} className="export-preview-title">
            {t('export_preview')}{' '}
            <bdi className="export-file-name">
              {current?.kind === 'ready' ? current.doc.fileName : '…'}
            </bdi>
          </h3>
          {busy && (
            <p className="export-status" role="status">
              <progress aria-label={t('export_preparing')} /> {t('export_preparing')}
            </p>
          )}
          {current?.kind === 'failed' && (
            <p className="export-error" role="alert" dir="auto">
              {t('export_failed', { detail: current.detail })}
            </p>
          )}
          <pre
            className="export-preview"
            data-testid="export-preview"
            dir="auto"
            tabIndex={0}
            aria-busy={busy}
          >
            {prepared?.kind === 'ready' ? previewLines(prepared.doc.text) : ''}
          </pre>
        </section>
      </div>
      {outcome && (
        <p
          className={outcome.ok ? 'export-status' : 'export-error'}
          role={outcome.ok ? 'status' : 'alert'}
          dir="auto"
          data-testid="export-outcome"
        >
          {outcome.message}
        </p>
      )}
      <div className="export-actions">
        <span className="export-actions-end">
          <button type="button" className="tool" onClick={onImport}>
            {t('export_import')}
          </button>
          {onDashboard && (
            <button type="button" className="tool" onClick={onDashboard}>
              {t('export_dashboard')}
            </button>
          )}
        </span>
        <span className="export-actions-end">
          <button
            type="button"
            className="tool tool-primary"
            disabled={current?.kind !== 'ready' || saving}
            onClick={() => void save()}
          >
            {t('export_save')}
          </button>
          <form method="dialog">
            <button type="submit" className="tool">
              {t('export_close')}
            </button>
          </form>
        </span>
      </div>
    </dialog>
  )
}
