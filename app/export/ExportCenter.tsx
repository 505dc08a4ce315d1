import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { lazy, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTEBOOK_FIELD, type AnnotationSession } from '../../src/collab/annotation-session'
import type { LocalReading } from '../../src/collab/local-reading'
import type { Annotation } from '../../src/core/annotations/annotation'
import type { PMNode } from '../../src/core/article/article-doc'
import type { SeminarRole } from '../../src/core/export'
import { isSeminarReading } from '../annotations/use-annotation-session'
import { DialogSuspense } from '../components/DialogSuspense'
import { chooseHost } from '../platform/choose-platform'
import type { MemberDirectory } from '../seminar/use-member-directory'
import { articleOfReading } from '../seminar/host-article'
import type { Identity } from '../state/identity'
import { DEFAULT_EXPORT_CHOICE, type ExportChoice } from './export-choice'
import type { ExportSource } from './export-document'
import { exportLabelsFor } from './export-labels'
import { useExportRequests, type ExportRequest } from './export-requests'
import type { SeminarMember } from './members-activity'

// The dialogs and the exporters, importers and zip writer behind them load when one is opened.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })))
const ImportAnnotationsDialog = lazy(() =>
  import('./ImportAnnotationsDialog').then((m) => ({ default: m.ImportAnnotationsDialog })),
)
const InstructorDashboard = lazy(() =>
  import('./InstructorDashboard').then((m) => ({ default: m.InstructorDashboard })),
)

interface ExportCenterProps {
  reading: LocalReading
  session: AnnotationSession | null
  /**
   * Whether the reader's documents are still opening (neither open nor failed). A dialog asked
   * for meanwhile opens once they are: exported or counted before, it would hold none of them.
   */
  annotationsOpening: boolean
  /** Every annotation the reader may read, named as the workspace names them. */
  annotations: readonly Annotation[]
  identity: Identity
  /** The seminar's members; null when reading alone. */
  directory: MemberDirectory | null
  /** Shows an annotation's passage in the article, as the annotation list does. */
  onShowPassage: (annotationId: string) => void
}

/**
 * The export, import and dashboard dialogs of the open workspace, opened from the toolbar or the
 * File menu (`requestExport`). Alone, the reader is the reading's only member and its instructor.
 */
export function ExportCenter({
  reading,
  session,
  annotationsOpening,
  annotations,
  identity,
  directory,
  onShowPassage,
}: ExportCenterProps) {
  const { t } = useTranslation()
  const platform = useMemo(() => chooseHost().platform, [])
  const [open, setOpen] = useState<ExportRequest | null>(null)
  const [choice, setChoice] = useState<ExportChoice>(DEFAULT_EXPORT_CHOICE)
  useExportRequests(useCallback((request: ExportRequest) => setOpen(request), []))

  const seminar = isSeminarReading(reading) ? reading : null
  const viewerRole: SeminarRole = seminar ? seminar.connection.membership.role : 'instructor'
  const isInstructor = viewerRole === 'instructor'
  const members = useMemo((): SeminarMember[] => {
    if (!directory) return [{ userId: identity.userId, name: identity.name, role: viewerRole }]
    return [...directory.roster].map(([userId, entry]) => ({
      userId,
      name: directory.nameOf(userId, entry.name),
      role: entry.role,
    }))
  }, [directory, identity, viewerRole])

  const source = useCallback((): ExportSource => {
    const roles: Record<string, SeminarRole> = {}
    for (const member of members) roles[member.userId] = member.role
    const info = directory?.info
    return {
      article: articleOfReading(reading),
      annotations,
      me: identity.userId,
      notebook: session
        ? (yXmlFragmentToProsemirrorJSON(
            session.notebookDoc.getXmlFragment(NOTEBOOK_FIELD),
          ) as PMNode)
        : undefined,
      // Alone, the reader is the reading's instructor; their own notes are never anonymous.
      roles: directory ? roles : {},
      seminar: seminar && info ? { id: seminar.seminarId, title: info.title } : undefined,
      anonymizeFor: !isInstructor && info?.settings.anonymousToPeers ? 'students' : null,
      labels: exportLabelsFor(t),
      exporterVersion: __HAMISH_VERSION__,
      exportedAt: new Date(),
    }
  }, [reading, annotations, identity, session, members, directory, seminar, isInstructor, t])

  const close = useCallback(() => setOpen(null), [])
  // Read when a dialog opens (and when the annotations change): "Edit article" may change the text.
  const article = useMemo(
    () => (open === 'dashboard' ? articleOfReading(reading) : null),
    [open, reading, annotations], // eslint-disable-line react-hooks/exhaustive-deps
  )
  if (open === null) return null
  return (
    <DialogSuspense key={open} onClose={close}>
      {dialogFor(open)}
    </DialogSuspense>
  )

  function dialogFor(open: ExportRequest) {
    if (annotationsOpening) return null
    if (open === 'import') {
      if (!session) return null
      return (
        <ImportAnnotationsDialog
          platform={platform}
          destination={() => ({
            article: articleOfReading(reading),
            fragment: reading.fragment,
            articleHash: reading.meta.contentHash,
            store: session.store,
            existing: annotations,
            now: new Date(),
          })}
          onClose={close}
        />
      )
    }
    if (open === 'dashboard') {
      if (!isInstructor || article === null) return null
      return (
        <InstructorDashboard
          article={article}
          annotations={annotations}
          members={members}
          platform={platform}
          exportSource={source}
          onShowPassage={(id) => {
            close()
            onShowPassage(id)
          }}
          onClose={close}
        />
      )
    }
    return (
      <ExportDialog
        source={source}
        isInstructor={isInstructor}
        platform={platform}
        initialChoice={choice}
        onChoice={setChoice}
        onImport={() => setOpen('import')}
        onDashboard={isInstructor ? () => setOpen('dashboard') : undefined}
        onClose={close}
      />
    )
  }
}
