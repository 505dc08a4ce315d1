import './ExportDialog.css'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Annotation } from '../../src/core/annotations/annotation'
import type { ArticleDoc } from '../../src/core/article/article-doc'
import { exportFileName } from '../../src/core/export'
import type { Platform } from '../../src/core/platform'
import { MarkdownBody } from '../annotations/MarkdownBody'
import { timeFormatFor } from '../i18n/time-format'
import { exportAllZip } from './export-all'
import type { ExportSource } from './export-document'
import {
  memberComments,
  membersActivity,
  type MemberActivity,
  type SeminarMember,
} from './members-activity'
import { isolate } from './isolate'
import { runWhenIdle } from '../platform/run-when-idle'
import { useModalDialog } from '../shell/use-modal-dialog'

export interface InstructorDashboardProps {
  article: ArticleDoc
  /** Every annotation the viewer may read (an `AnnotationCollection`'s `all()`). */
  annotations: readonly Annotation[]
  /** The seminar's members; in a local reading, the reader alone. */
  members: readonly SeminarMember[]
  platform: Platform
  /** What "Export all" exports, read when it is pressed. */
  exportSource: () => ExportSource
  /** Closes the dashboard and shows an annotation's passage in the article. */
  onShowPassage: (annotationId: string) => void
  onClose: () => void
}

/**
 * The members of the seminar with their counts (highlights, comments, replies, words, sections,
 * first and last activity); a member's comments in article order, each with its passage, section
 * and time; and "Export all", a zip of everyone's notes, the collection and the grading CSV.
 */
export function InstructorDashboard({
  article,
  annotations,
  members,
  platform,
  exportSource,
  onShowPassage,
  onClose,
}: InstructorDashboardProps) {
  const { t, i18n } = useTranslation()
  const dialog = useModalDialog()
  const ids = useId()
  const [chosen, setChosen] = useState<SeminarMember | null>(null)
  const [rows, setRows] = useState<MemberActivity[] | null>(null)
  const [zipping, setZipping] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)

  useEffect(
    () => runWhenIdle(() => setRows(membersActivity(article, annotations, members))),
    [article, annotations, members],
  )

  const time = timeFormatFor(i18n.language)
  const when = (iso: string | null) => (iso === null ? '—' : time.format(new Date(iso)))

  const exportAll = async () => {
    setZipping(true)
    setOutcome(null)
    try {
      await new Promise((resolve) => setTimeout(resolve, 0))
      const source = exportSource()
      const bytes = exportAllZip(source, rows?.map((row) => row.member) ?? members, {
        collection: `${article.meta.title} - ${t('export_shape_instructor-collection')}`,
        grades: `${article.meta.title} - ${t('export_format_csv')}`,
      })
      const saved = await platform.saveBytes({
        suggestedName: exportFileName(`${article.meta.title} - ${t('export_dashboard')}`, 'zip'),
        mimeType: 'application/zip',
        bytes,
      })
      if (saved)
        setOutcome({ ok: true, message: t('export_saved', { location: isolate(saved.location) }) })
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      setOutcome({ ok: false, message: t('export_saveFailed', { detail }) })
    } finally {
      setZipping(false)
    }
  }

  return (
    <dialog
      ref={dialog}
      className="help-dialog export-dialog"
      data-testid="dashboard-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
    >
      <h2 id={`${ids}-title`}>{t('export_dashboardTitle')}</h2>
      {chosen === null ? (
        <MembersTable rows={rows} when={when} onChoose={setChosen} />
      ) : (
        <MemberCommentsView
          member={chosen}
          comments={memberComments(article, annotations, chosen.userId)}
          when={when}
          onBack={() => setChosen(null)}
          onShowPassage={onShowPassage}
        />
      )}
      {zipping && (
        <p className="export-status" role="status">
          <progress aria-label={t('export_exportAllPreparing')} /> {t('export_exportAllPreparing')}
        </p>
      )}
      {outcome && (
        <p className={outcome.ok ? 'export-status' : 'export-error'} role="status" dir="auto">
          {outcome.message}
        </p>
      )}
      <div className="export-actions">
        <button
          type="button"
          className="tool tool-primary"
          disabled={zipping || rows === null}
          onClick={() => void exportAll()}
        >
          {t('export_exportAll')}
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

function MembersTable({
  rows,
  when,
  onChoose,
}: {
  rows: readonly MemberActivity[] | null
  when: (iso: string | null) => string
  onChoose: (member: SeminarMember) => void
}) {
  const { t } = useTranslation()
  if (rows === null) {
    return (
      <p className="export-status" role="status">
        <progress aria-label={t('export_preparing')} /> {t('export_preparing')}
      </p>
    )
  }
  if (rows.every((row) => row.summary.firstActivity === null)) {
    return <p>{t('export_dashboardEmpty')}</p>
  }
  const numbers = ['highlights', 'comments', 'replies', 'words', 'sectionsTouched'] as const
  const headings = {
    highlights: 'export_column_highlights',
    comments: 'export_column_comments',
    replies: 'export_column_replies',
    words: 'export_column_words',
    sectionsTouched: 'export_column_sections',
  } as const
  return (
    <div className="dashboard-scroll">
      <table className="dashboard-table" data-testid="dashboard-table">
        <thead>
          <tr>
            <th scope="col">{t('export_dashboardMember')}</th>
            {numbers.map((column) => (
              <th key={column} scope="col">
                {t(headings[column])}
              </th>
            ))}
            <th scope="col">{t('export_column_firstActivity')}</th>
            <th scope="col">{t('export_column_lastActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ member, summary }) => (
            <tr key={member.userId} data-testid="dashboard-row" data-user-id={member.userId}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('export_dashboardOpen', { name: member.name })}
                  onClick={() => onChoose(member)}
                >
                  <bdi>{member.name}</bdi>
                </button>{' '}
                <span className="dashboard-meta">{t(`export_dashboardRole_${member.role}`)}</span>
              </th>
              {numbers.map((column) => (
                <td key={column} className="number" data-column={column}>
                  {summary[column]}
                </td>
              ))}
              <td>{when(summary.firstActivity)}</td>
              <td>{when(summary.lastActivity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function MemberCommentsView({
  member,
  comments,
  when,
  onBack,
  onShowPassage,
}: {
  member: SeminarMember
  comments: ReturnType<typeof memberComments>
  when: (iso: string | null) => string
  onBack: () => void
  onShowPassage: (annotationId: string) => void
}) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section data-testid="dashboard-member">
      <button type="button" className="tool" onClick={onBack}>
        {t('export_dashboardBack')}
      </button>
      <h3 ref={heading} tabIndex={-1} dir="auto">
        {t('export_dashboardCommentsOf', { name: isolate(member.name) })}
      </h3>
      {comments.length === 0 ? (
        <p dir="auto">{t('export_dashboardNoComments', { name: isolate(member.name) })}</p>
      ) : (
        <ol className="dashboard-comments">
          {comments.map(({ annotation, rootId, quote, section }) => (
            <li key={annotation.id} data-testid="dashboard-comment">
              {quote !== null && <blockquote dir="auto">{quote}</blockquote>}
              <p className="dashboard-meta" dir="auto">
                {[section, when(annotation.createdAt)].filter(Boolean).join(' · ')}
              </p>
              <div dir="auto">
                <MarkdownBody source={annotation.body} />
              </div>
              <button type="button" className="tool" onClick={() => onShowPassage(rootId)}>
                {t('export_dashboardShowPassage')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
