import './ExportDialog.css'
import type { TFunction } from 'i18next'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_OPEN_TEXT_BYTES, TextFileTooLargeError, type Platform } from '../../src/core/platform'
import { isolate } from './isolate'
import { AnnotationImportError } from '../../src/core/w3c'
import {
  importAnnotationsInto,
  type ImportDestination,
  type ImportResult,
} from './import-annotations'
import { useModalDialog } from '../shell/use-modal-dialog'

interface ImportAnnotationsDialogProps {
  platform: Platform
  /** Where imported annotations go, read when the file has been chosen. */
  destination: () => ImportDestination
  onClose: () => void
}

type Phase =
  | { readonly kind: 'choose' }
  | { readonly kind: 'reading'; readonly fileName: string | null }
  | { readonly kind: 'done'; readonly fileName: string; readonly result: ImportResult }
  | { readonly kind: 'failed'; readonly message: string }

/**
 * Import annotations: pick a W3C or Hypothesis JSON file, bring its annotations into the reader's
 * own documents on this article, and report what was imported, what could not be anchored (with
 * its quote) and what was about another article.
 */
export function ImportAnnotationsDialog({
  platform,
  destination,
  onClose,
}: ImportAnnotationsDialogProps) {
  const { t } = useTranslation()
  const dialog = useModalDialog()
  const ids = useId()
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })

  const choose = async () => {
    setPhase({ kind: 'reading', fileName: null })
    let fileName = ''
    try {
      const file = await platform.openText({ kind: 'annotations' })
      if (!file) {
        setPhase({ kind: 'choose' })
        return
      }
      fileName = file.fileName
      setPhase({ kind: 'reading', fileName })
      // Let the "Importing…" line paint before the (synchronous) anchoring starts.
      await new Promise((resolve) => setTimeout(resolve, 0))
      const result = importAnnotationsInto(file.text, destination())
      setPhase({ kind: 'done', fileName: file.fileName, result })
    } catch (error) {
      setPhase({ kind: 'failed', message: importErrorMessage(t, error, fileName) })
    }
  }

  return (
    <dialog
      ref={dialog}
      className="help-dialog export-dialog"
      data-testid="import-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
    >
      <h2 id={`${ids}-title`}>{t('export_importTitle')}</h2>
      <p className="export-hint">{t('export_importIntro')}</p>
      {phase.kind === 'reading' && (
        <p className="export-status" role="status" dir="auto">
          <progress aria-label={t('export_preparing')} />
          {phase.fileName === null
            ? ''
            : t('export_importReading', { fileName: isolate(phase.fileName) })}
        </p>
      )}
      {phase.kind === 'failed' && (
        <p className="export-error" role="alert" dir="auto">
          {phase.message}
        </p>
      )}
      {phase.kind === 'done' && (
        <ImportReportView fileName={phase.fileName} result={phase.result} />
      )}
      <div className="export-actions">
        <button
          type="button"
          className="tool tool-primary"
          disabled={phase.kind === 'reading'}
          autoFocus
          onClick={() => void choose()}
        >
          {t('export_importChoose')}
        </button>
        <form method="dialog">
          <button type="submit" className="tool">
            {t('export_close')}
          </button>
        </form>
      </div>
    </dialog>
  )
}

function ImportReportView({ fileName, result }: { fileName: string; result: ImportResult }) {
  const { t } = useTranslation()
  const { report, outcome } = result
  return (
    <section data-testid="import-report" role="status">
      <p dir="auto">
        <strong>
          {t('export_importDone', { fileName: isolate(fileName), count: outcome.written.length })}
        </strong>
      </p>
      {report.unanchored.length > 0 && (
        <details open>
          <summary>{t('export_importUnanchored', { count: report.unanchored.length })}</summary>
          <ul className="export-report export-quotes" data-testid="import-unanchored">
            {report.unanchored.map((item) => (
              <li key={item.id} dir="auto">
                {item.quote ?? t('export_importNoQuote')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.otherArticle.length > 0 && (
        <details>
          <summary>{t('export_importOtherArticle', { count: report.otherArticle.length })}</summary>
          <ul className="export-report" data-testid="import-other-article">
            {report.otherArticle.map((item) => (
              <li key={item.id} dir="auto">
                {item.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.invalid.length > 0 && (
        <details>
          <summary>{t('export_importInvalid', { count: report.invalid.length })}</summary>
          <ul className="export-report">
            {report.invalid.map((item) => (
              <li key={item.index} dir="auto">
                {t('export_importItem', { index: item.index + 1 })}: {item.problem}
              </li>
            ))}
          </ul>
        </details>
      )}
      {outcome.refused.length > 0 && (
        <details>
          <summary>{t('export_importRefused', { count: outcome.refused.length })}</summary>
          <ul className="export-report">
            {outcome.refused.map((item) => (
              <li key={item.id} dir="auto">
                {item.problem}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}

/** Why a file could not be imported at all, in the UI language where the cause is known. */
export function importErrorMessage(t: TFunction, error: unknown, fileName: string): string {
  if (error instanceof TextFileTooLargeError) {
    return t('export_importTooLarge', {
      fileName: isolate(error.fileName),
      size: (error.bytes / 1024 / 1024).toFixed(1),
      limit: MAX_OPEN_TEXT_BYTES / 1024 / 1024,
    })
  }
  const detail = error instanceof Error ? error.message : String(error)
  if (error instanceof AnnotationImportError) {
    if (error.problem === 'too-large') return t('export_importFailed', { detail })
    const key =
      error.problem === 'malformed-json' ? 'export_importMalformed' : 'export_importWrongShape'
    return t(key, { fileName: isolate(fileName), detail })
  }
  return t('export_importFailed', { detail })
}
